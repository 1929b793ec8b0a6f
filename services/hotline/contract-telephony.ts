import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";

/**
 * The telephony webhooks' own schemas (the form bodies are the provider adapter's, telephony/):
 * a module of their own, so that a caller's webhook loads these and not the staff API's contract.
 */

export const municipalityParamsSchema = z.object({ municipality: kommunkodSchema });

/** The signed call token we put in the URLs we hand out (call-token.ts); checked by the app layer. */
const callTokenSchema = z.optional(z.string().check(z.maxLength(100)));

/** Which ring of the chain a `next` reports on; put in the URL we hand out, so a retried `next` is recognised. */
export const nextQuerySchema = z.object({
  attempt: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10))),
  token: callTokenSchema,
});

export const hangupQuerySchema = z.object({ token: callTokenSchema });

/** The answer to the provider: one call action (its shape is the provider adapter's). */
export const callActionSchema = z.record(z.string(), z.unknown());
