/**
 * What the notice routes share: the path's id, the status and the receipt. Apart from the bodies
 * and the views, so that a function builds only the schemas of its own route as it loads
 * (contract.ts names every module).
 */
import * as z from "zod/mini";
import { noticeIdSchema } from "./contract-notice-id";
import { NOTICE_STATUSES } from "./domain/notice";

export { noticeIdSchema };

export const noticeParamsSchema = z.object({ noticeId: noticeIdSchema });

export const noticeStatusSchema = z.enum(NOTICE_STATUSES);

export const receiptSchema = z.object({
  id: z.string(),
  noticeId: noticeIdSchema,
  status: noticeStatusSchema,
  leadDays: z.number().check(z.int()),
  onTime: z.boolean(),
  planDueDate: z.iso.date(),
});
export type Receipt = z.infer<typeof receiptSchema>;
