import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import { needSchema, releaseTypeSchema, STATUS_CHANGES } from "../../shared/events/catalogue/release-notices";
import { clientIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { SCOPES } from "./domain/access";
import { secretKey } from "./domain/delivery";
import { NOTICE_STATUSES, PLAN_MILESTONES, WITHDRAWAL_REASONS } from "./domain/notice";

export { SCOPES };

/** Kriminalvården's own id for the notice: the idempotency key, and safe in keys and logs. */
export const noticeIdSchema = clientIdSchema;

/** Format only; the calendar date and check digit are checked against the clock by the domain. */
export const identityNumberInputSchema = z
  .string()
  .check(z.trim(), z.regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer"));

export const noticeStatusSchema = z.enum(NOTICE_STATUSES);

const contactSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{5,19}$/, "must be a phone number")),
  email: z.email().check(z.maxLength(254)),
});

const noticeFields = {
  municipality: kommunkodSchema,
  person: z.strictObject({ personalIdentityNumber: identityNumberInputSchema }),
  institution: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  expectedReleaseDate: z.iso.date(),
  releaseType: releaseTypeSchema,
  needs: z.array(needSchema).check(
    z.maxLength(6),
    // The document says so too (uniqueItems), where a refinement alone would not show.
    z.meta({ uniqueItems: true }),
    z.refine((needs) => new Set(needs).size === needs.length, "must not repeat a need"),
  ),
  contact: contactSchema,
};

export const createNoticeBodySchema = z.strictObject({ noticeId: noticeIdSchema, ...noticeFields });
export type CreateNoticeBody = z.infer<typeof createNoticeBodySchema>;

/**
 * An update restates the notice: release date, type, needs, institution and contact may change.
 * It may be the notice exactly as posted: a `noticeId` must then be the one in the path.
 */
export const updateNoticeBodySchema = z.strictObject({
  noticeId: z.optional(noticeIdSchema),
  ...noticeFields,
});
export type UpdateNoticeBody = z.infer<typeof updateNoticeBodySchema>;

export const withdrawBodySchema = z.strictObject({ reason: z.optional(z.enum(WITHDRAWAL_REASONS)) });
export const planBodySchema = z.strictObject({
  milestone: z.enum(PLAN_MILESTONES),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const noticeParamsSchema = z.object({ noticeId: noticeIdSchema });

export const listQuerySchema = z.object({
  status: z.optional(noticeStatusSchema),
  releaseFrom: z.optional(z.iso.date()),
  releaseTo: z.optional(z.iso.date()),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(512))),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export const receiptSchema = z.object({
  id: z.string(),
  noticeId: noticeIdSchema,
  status: noticeStatusSchema,
  leadDays: z.number().check(z.int()),
  onTime: z.boolean(),
  planDueDate: z.iso.date(),
});
export type Receipt = z.infer<typeof receiptSchema>;

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

export const noticeListSchema = z.object({
  items: z.array(z.omit(noticeViewSchema, { person: true, contact: true, milestones: true })),
  cursor: z.optional(z.string()),
});

/**
 * Kriminalvården's receiver for status deliveries. The secret is written as the Standard Webhooks
 * specification writes it: `whsec_` and the base64 of 24 to 64 random bytes. The URL must be
 * https (plain http only to a loopback address, and only in the local runtime).
 */
export const subscriptionBodySchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "must be an https URL" }).check(z.maxLength(2048)),
  secret: z.string().check(
    z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, {
      message: "must be whsec_ and the base64 of 24 to 64 bytes",
      abort: true,
    }),
    z.refine((secret) => secretKey(secret) !== undefined, "must be whsec_ and the base64 of 24 to 64 bytes"),
  ),
});
export type SubscriptionBody = z.infer<typeof subscriptionBodySchema>;

/** The subscription as it is shown back: never the secret. */
export const subscriptionViewSchema = z.object({
  url: z.url(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

/** The document each delivery carries (its headers: webhook-id, webhook-timestamp, webhook-signature). */
export const statusDeliverySchema = z.object({
  noticeId: noticeIdSchema,
  status: z.enum(STATUS_CHANGES),
  planDueDate: z.iso.date(),
  at: z.iso.datetime({ offset: true }),
});
