/** The hotline's audit trails, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod/mini";
import {
  auditListResponseSchema,
  auditQueryFields,
  exactlyOneOf,
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
    ...auditQueryFields("Whose triage"),
  })
  .check(exactlyOneOf("triage", "schedule"), z.refine(periodInOrder, PERIOD_ORDER_ISSUE));

export type HotlineAuditQuery = z.output<typeof hotlineAuditQuerySchema>;

export const hotlineAuditListSchema = auditListResponseSchema;
