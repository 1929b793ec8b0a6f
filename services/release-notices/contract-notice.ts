/**
 * What the notice routes share: the path's id, the status and the receipt (built on first use).
 * Apart from the bodies and the views, so that a function builds only the schemas of its own route
 * as it loads (contract.ts names every module).
 */
import * as z from "zod/mini";
import { builtOnFirstUse } from "../../shared/lazy";
import { noticeIdSchema } from "./contract-notice-id";
import { NOTICE_STATUSES } from "./domain/notice";

export { noticeIdSchema };

export const noticeParamsSchema = z.object({ noticeId: noticeIdSchema });

export const noticeStatusSchema = z.enum(NOTICE_STATUSES);

/**
 * The receipt a post, an update or a withdrawal answers with, and the base of the views. Built on
 * first use: only the OpenAPI document and tests read it (the edge validates requests, not
 * answers), so it is built on first use (z.lazy) and a function never builds it.
 */
const buildReceiptSchema = () =>
  z.object({
    id: z.string(),
    noticeId: noticeIdSchema,
    status: noticeStatusSchema,
    leadDays: z.number().check(z.int()),
    onTime: z.boolean(),
    planDueDate: z.iso.date(),
  });
/** The object schema itself, for the views that extend it (contract-views.ts). */
export const receiptObject = builtOnFirstUse(buildReceiptSchema);
export const receiptSchema = z.lazy(receiptObject);
export type Receipt = z.infer<typeof receiptSchema>;
