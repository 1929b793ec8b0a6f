/**
 * A field that more than one route's body takes. Apart from the report's schemas
 * (contract-report.ts), which only POST /v1/referrals builds.
 */
import * as z from "zod/mini";

/** A free-text note: personal data, stored sealed. */
export const note = z.string().check(z.trim(), z.maxLength(4000));
