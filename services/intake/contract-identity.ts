/**
 * An identity number as a body gives it (POST /v1/referrals, POST …/identify): apart from the note
 * (contract-fields.ts), which more routes take, so that those build only what they use.
 */
import * as z from "zod/mini";

/** Format only; the date and check digit are checked against the day received in the handler. */
export const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));
