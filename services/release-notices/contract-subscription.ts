/** Kriminalvården's receiver for status deliveries, as registered and as shown back. */
import * as z from "zod/mini";
import { secretKey } from "./domain/delivery";

/**
 * The secret is written as the Standard Webhooks specification writes it: `whsec_` and the base64
 * of 24 to 64 random bytes. The URL must be https (plain http only to a loopback address, and only
 * in the local runtime).
 */
export const subscriptionBodySchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an https URL" }).check(z.maxLength(2048)),
  secret: z.string().check(
    z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, {
      message: "must be whsec_ and the base64 of 24 to 64 bytes",
      abort: true,
    }),
    z.refine((secret) => secretKey(secret) !== undefined, "must be whsec_ and the base64 of 24 to 64 bytes"),
  ),
});
export type SubscriptionBody = z.infer<typeof subscriptionBodySchema>;

/**
 * The subscription as it is shown back: never the secret. Built on first use (z.lazy): only the OpenAPI
 * document and tests read it (the edge validates requests, not answers).
 */
const buildSubscriptionViewSchema = () =>
  z.object({
    url: z.url(),
    updatedAt: z.iso.datetime({ offset: true }),
  });
export const subscriptionViewSchema = z.lazy(buildSubscriptionViewSchema);
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
