/**
 * What a notice is read back as: Kriminalvården's status view, the staff's notice and their list.
 * Built on first use: only the OpenAPI document and tests read these schemas. A function answers
 * with its views without checking them (the edge validates requests, not answers), so the routes
 * that answer with them name them in a getter (routes/get.ts, list.ts, plan.ts), and a function
 * never builds them.
 */
import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { needSchema, releaseTypeSchema } from "../../shared/events/catalogue/release-notices";
import { kommunkodSchema } from "../../shared/events/envelope";
import { contactSchemaOf } from "./contract-contact";
import { receiptSchemaOf } from "./contract-notice";
import { PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./domain/notice";

const buildViewSchemas = () => {
  /** What Kriminalvården may read back: the status of its notice, nothing personal. */
  const noticeStatusViewSchema = z.extend(receiptSchemaOf(), {
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
    contact: contactSchemaOf(),
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
    planDeadlineSchema,
    noticeViewSchema,
    /** A GET of one notice: the staff get the full notice, Kriminalvården the status view. */
    noticeReadSchema: z.union([noticeViewSchema, noticeStatusViewSchema]),
    noticeListSchema: z.object({
      items: z.array(z.omit(noticeViewSchema, { person: true, contact: true, milestones: true })),
      cursor: z.optional(z.string()),
    }),
  };
};

let views: ReturnType<typeof buildViewSchemas> | undefined;
export const viewSchemas = () => (views ??= buildViewSchemas());

export type NoticeView = z.infer<ReturnType<typeof viewSchemas>["noticeViewSchema"]>;
