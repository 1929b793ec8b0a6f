/** What a notice is read back as: Kriminalvården's status view, the staff's notice and their list. */
import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { needSchema, releaseTypeSchema } from "../../shared/events/catalogue/release-notices";
import { kommunkodSchema } from "../../shared/events/envelope";
import { contactSchema } from "./contract-contact";
import { receiptSchema } from "./contract-notice";
import { PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./domain/notice";

/** What Kriminalvården may read back: the status of its notice, nothing personal. */
export const noticeStatusViewSchema = z.extend(receiptSchema, {
  municipality: kommunkodSchema,
  expectedReleaseDate: z.iso.date(),
  updatedAt: z.iso.datetime({ offset: true }),
});

export const planDeadlineSchema = z.object({
  dueDate: z.iso.date(),
  state: z.enum(DEADLINE_STATES),
  remindersSent: z.array(z.number().check(z.int())),
});

/** The full notice, for the municipality's own staff. */
export const noticeViewSchema = z.extend(noticeStatusViewSchema, {
  person: z.object({ personalIdentityNumber: z.string() }),
  institution: z.string(),
  releaseType: releaseTypeSchema,
  needs: z.array(needSchema),
  contact: contactSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  planDeadline: planDeadlineSchema,
  milestones: z.array(
    z.object({
      milestone: z.enum(PLAN_MILESTONES),
      at: z.iso.datetime({ offset: true }),
      by: z.string(),
      note: z.optional(z.string()),
    }),
  ),
  withdrawal: z.optional(
    z.object({ at: z.iso.datetime({ offset: true }), reason: z.optional(z.enum(WITHDRAWAL_REASONS)) }),
  ),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;
