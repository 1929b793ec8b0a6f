/** The notice's audit trail, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod/mini";
import {
  auditListResponseSchema,
  auditQueryFields,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-read";
import { noticeIdSchema } from "./contract-notice-id";

export { AUDIT_READ_SCOPE as AUDIT_SCOPE } from "../../shared/domain/scopes";

export const noticeAuditQuerySchema = z
  .object({
    notice: noticeIdSchema.check(
      z.meta({ description: "The notice's `noticeId`, as Kriminalvården gave it" }),
    ),
    ...auditQueryFields("Whose notice"),
  })
  .check(z.refine(periodInOrder, PERIOD_ORDER_ISSUE));

export type NoticeAuditQuery = z.output<typeof noticeAuditQuerySchema>;

export const noticeAuditListSchema = auditListResponseSchema;
