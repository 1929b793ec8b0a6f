import * as z from "zod/mini";

/**
 * The queries of the webhook URLs we hand out to the provider: the call token every one carries,
 * and the call's `whenhangup`; a ring's `next` has its attempt too (contract-ring.ts). Only those
 * two webhooks' functions build them, not `incoming`'s.
 */

/** The signed call token we put in the URLs we hand out (call-token.ts); checked by the app layer. */
export const callTokenSchema = z.optional(z.string().check(z.maxLength(100)));

export const hangupQuerySchema = z.object({ token: callTokenSchema });
