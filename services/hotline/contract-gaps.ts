import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";

/**
 * The schedule's gaps (routes/gaps.ts). The answer's schema is built on first use (z.lazy):
 * OpenAPI reads it, the edge never does.
 */

export const gapsQuerySchema = z.object({
  days: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60)), 7),
});

export const GAP_KINDS = ["nobody-on-call", "no-phone"] as const;
export const gapsViewSchema = z.lazy(() => {
  const isoDateTime = z.iso.datetime({ offset: true });
  return z.object({
    municipality: kommunkodSchema,
    from: isoDateTime,
    until: isoDateTime,
    gaps: z.array(
      z.object({
        kind: z.enum(GAP_KINDS),
        start: isoDateTime,
        end: isoDateTime,
        memberId: z.optional(z.string()),
      }),
    ),
    /** Nothing recorded to play when nobody answers: callers hear a tone instead of a message. */
    fallbackMessageMissing: z.boolean(),
  });
});
