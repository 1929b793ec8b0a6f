/** The notice's audit trail, for whoever holds `audit:read` (routes/audit.ts). */
import * as z from "zod/mini";
import {
  auditFilterQueryFields,
  auditListResponseSchema,
  auditPageQueryFields,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-read";
import { kommunkodSchema } from "../../shared/events/envelope";
import { noticeIdSchema } from "./contract-notice-id";

export { AUDIT_READ_SCOPE as AUDIT_SCOPE } from "../../shared/domain/scopes";

export const noticeAuditQuerySchema = z
  .object({
    notice: noticeIdSchema.check(
      z.meta({ description: "The notice's `noticeId`, as Kriminalvården gave it" }),
    ),
    municipality: z.optional(kommunkodSchema).check(
      z.meta({
        description:
          "Whose notice: a token with a municipality reads its own (the default); a national token names one.",
      }),
    ),
    ...auditFilterQueryFields,
    ...auditPageQueryFields,
  })
  .check(z.refine(periodInOrder, PERIOD_ORDER_ISSUE));

export type NoticeAuditQuery = z.output<typeof noticeAuditQuerySchema>;

export const noticeAuditListSchema = auditListResponseSchema;
