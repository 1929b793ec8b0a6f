/** The notice's audit trail, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod";
import {
  auditFilterQueryFields,
  auditListResponseSchema,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-trail";
import { kommunkodSchema } from "../../shared/events/envelope";
import { noticeIdSchema } from "./contract";

export { AUDIT_READ_SCOPE as AUDIT_SCOPE } from "../../shared/domain/scopes";

export const noticeAuditQuerySchema = z
  .object({
    notice: noticeIdSchema.check(
      z.meta({ description: "The notice's `noticeId`, as Kriminalvården gave it" }),
    ),
    municipality: z.optional(kommunkodSchema).meta({
      description:
        "Whose notice: a token with a municipality reads its own (the default); a national token names one.",
    }),
    ...auditFilterQueryFields,
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().max(1024).optional(),
  })
  .refine(periodInOrder, PERIOD_ORDER_ISSUE);

export type NoticeAuditQuery = z.output<typeof noticeAuditQuerySchema>;

export const noticeAuditListSchema = auditListResponseSchema;
