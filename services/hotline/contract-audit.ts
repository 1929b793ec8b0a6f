/** The hotline's audit trails, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod/mini";
import {
  auditFilterQueryFields,
  auditListResponseSchema,
  auditPageQueryFields,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-read";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";

export { AUDIT_READ_SCOPE as AUDIT_SCOPE } from "../../shared/domain/scopes";

export const hotlineAuditQuerySchema = z
  .object({
    triage: z.optional(entityIdSchema).check(z.meta({ description: "A triage's id: its trail" })),
    schedule: z
      .optional(kommunkodSchema)
      .check(z.meta({ description: "A municipality's kommunkod: the trail of its on-call schedule" })),
    municipality: z.optional(kommunkodSchema).check(
      z.meta({
        description:
          "Whose triage: a token with a municipality reads its own (the default); a national token names one.",
      }),
    ),
    ...auditFilterQueryFields,
    ...auditPageQueryFields,
  })
  .check(
    z.refine((q) => (q.triage === undefined) !== (q.schedule === undefined), {
      path: ["triage"],
      message: "give either triage or schedule, not both",
    }),
    z.refine(periodInOrder, PERIOD_ORDER_ISSUE),
  );

export type HotlineAuditQuery = z.output<typeof hotlineAuditQuerySchema>;

export const hotlineAuditListSchema = auditListResponseSchema;
