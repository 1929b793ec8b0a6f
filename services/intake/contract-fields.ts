/**
 * Fields that more than one route's body takes. Apart from the report's schemas
 * (contract-report.ts), which only POST /v1/referrals builds.
 */
import * as z from "zod/mini";

/** Format only; the date and check digit are checked against the day received in the handler. */
export const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));

/** A free-text note: personal data, stored sealed. */
export const note = z.string().check(z.trim(), z.maxLength(4000));
