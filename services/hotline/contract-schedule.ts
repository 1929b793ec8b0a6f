import * as z from "zod/mini";
import { kommunkodSchema } from "../../shared/events/envelope";

/**
 * The on-call schedule as it is shown (routes/schedule.ts); as it is saved: contract-schedule-body.ts.
 * Built on first use (z.lazy): OpenAPI and the tests read an answer's schema, the edge never does.
 */
export const scheduleViewSchema = z.lazy(() => {
  const isoDateTime = z.iso.datetime({ offset: true });
  return z.object({
    municipality: kommunkodSchema,
    /** Absent only on a schedule saved before it was asked for. */
    hotlineNumber: z.optional(z.string()),
    timeZone: z.string(),
    handoffTime: z.string(),
    rotation: z.object({
      startDate: z.iso.date(),
      shiftDays: z.number().check(z.int()),
      members: z.array(z.object({ id: z.string(), name: z.string(), phone: z.optional(z.string()) })),
    }),
    overrides: z.array(z.object({ start: isoDateTime, end: isoDateTime, memberId: z.string() })),
    manager: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
    ringSeconds: z.number().check(z.int()),
    fallbackMessage: z.optional(z.string()),
    updatedAt: isoDateTime,
    updatedBy: z.string(),
  });
});
