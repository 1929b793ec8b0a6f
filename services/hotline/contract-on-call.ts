import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";
import { once } from "./once";

/**
 * Who is on call, and the gaps in the schedule: the schedule reports' schemas (routes/on-call.ts).
 * The answers' schemas are built on first use (once.ts): OpenAPI reads them, the edge never does.
 */

const isoDateTime = z.iso.datetime({ offset: true });

export const onCallQuerySchema = z.object({
  municipality: kommunkodSchema,
  at: z.optional(isoDateTime),
});

export const onCallViewSchema = once(() =>
  z.object({
    memberId: z.string(),
    name: z.string(),
    from: isoDateTime,
    until: isoDateTime,
    /** Whether an override put this member on call rather than the rotation. */
    override: z.boolean(),
  }),
);

export const gapsQuerySchema = z.object({
  days: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60)), 7),
});

export const GAP_KINDS = ["nobody-on-call", "no-phone"] as const;
export const gapsViewSchema = once(() =>
  z.object({
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
  }),
);
