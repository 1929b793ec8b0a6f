import * as z from "zod/mini";

/**
 * The queries of the webhook URLs we hand out to the provider (a ring's `next`, the call's
 * `whenhangup`): only those two webhooks' functions build them, not `incoming`'s.
 */

/** The signed call token we put in the URLs we hand out (call-token.ts); checked by the app layer. */
const callTokenSchema = z.optional(z.string().check(z.maxLength(100)));

/** Which ring of the chain a `next` reports on; put in the URL we hand out, so a retried `next` is recognised. */
export const nextQuerySchema = z.object({
  attempt: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10))),
  token: callTokenSchema,
});

export const hangupQuerySchema = z.object({ token: callTokenSchema });
