/** The hotline's audit trails, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod";
import {
  auditFilterQueryFields,
  auditListResponseSchema,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-trail";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";

export { AUDIT_READ_SCOPE as AUDIT_SCOPE } from "../../shared/domain/scopes";

export const hotlineAuditQuerySchema = z
  .object({
    triage: z.optional(entityIdSchema).meta({ description: "A triage's id: its trail" }),
    schedule: z
      .optional(kommunkodSchema)
      .meta({ description: "A municipality's kommunkod: the trail of its on-call schedule" }),
    municipality: z.optional(kommunkodSchema).meta({
      description:
        "Whose triage: a token with a municipality reads its own (the default); a national token names one.",
    }),
    ...auditFilterQueryFields,
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().max(1024).optional(),
  })
  .refine((q) => (q.triage === undefined) !== (q.schedule === undefined), {
    path: ["triage"],
    message: "give either triage or schedule, not both",
  })
  .refine(periodInOrder, PERIOD_ORDER_ISSUE);

export type HotlineAuditQuery = z.output<typeof hotlineAuditQuerySchema>;

export const hotlineAuditListSchema = auditListResponseSchema;
