import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";

/**
 * Who is on call (routes/on-call.ts; the gaps are contract-gaps.ts). The answer's schema is built on
 * first use (z.lazy): OpenAPI and the tests read it, the edge never does.
 */

const isoDateTime = z.iso.datetime({ offset: true });

export const onCallQuerySchema = z.object({
  municipality: kommunkodSchema,
  at: z.optional(isoDateTime),
});

export const onCallViewSchema = z.lazy(() =>
  z.object({
    memberId: z.string(),
    name: z.string(),
    from: isoDateTime,
    until: isoDateTime,
    /** Whether an override put this member on call rather than the rotation. */
    override: z.boolean(),
  }),
);
