/**
 * What a notice is read back as: Kriminalvården's status view, the staff's notice and their list.
 * Built on first use (z.lazy): only the OpenAPI document and tests read these schemas. A function
 * answers with its views without checking them (the edge validates requests, not answers), so a
 * function never builds them.
 */
import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { needSchema, releaseTypeSchema } from "../../shared/events/catalogue/release-notices";
import { kommunkodSchema } from "../../shared/events/envelope";
import { builtOnFirstUse } from "../../shared/lazy";
import { contactSchema } from "./contract-contact";
import { receiptObject } from "./contract-notice";
import { PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./domain/notice";

const buildViewSchemas = () => {
  /** What Kriminalvården may read back: the status of its notice, nothing personal. */
  const noticeStatusViewSchema = z.extend(receiptObject(), {
    municipality: kommunkodSchema,
    expectedReleaseDate: z.iso.date(),
    updatedAt: z.iso.datetime({ offset: true }),
  });

  const planDeadlineSchema = z.object({
    dueDate: z.iso.date(),
    state: z.enum(DEADLINE_STATES),
    remindersSent: z.array(z.number().check(z.int())),
  });

  /** The full notice, for the municipality's own staff. */
  const noticeViewSchema = z.extend(noticeStatusViewSchema, {
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

  return {
    noticeStatusViewSchema,
    noticeViewSchema,
    /** A GET of one notice: the staff get the full notice, Kriminalvården the status view. */
    noticeReadSchema: z.union([noticeViewSchema, noticeStatusViewSchema]),
    noticeListSchema: z.object({
      items: z.array(z.omit(noticeViewSchema, { person: true, contact: true, milestones: true })),
      cursor: z.optional(z.string()),
    }),
  };
};

/** The views share their parts, so they are built together, on the first one's first use. */
const built = builtOnFirstUse(buildViewSchemas);
export const noticeStatusViewSchema = z.lazy(() => built().noticeStatusViewSchema);
export const noticeViewSchema = z.lazy(() => built().noticeViewSchema);
export const noticeReadSchema = z.lazy(() => built().noticeReadSchema);
export const noticeListSchema = z.lazy(() => built().noticeListSchema);

export type NoticeView = z.infer<typeof noticeViewSchema>;
