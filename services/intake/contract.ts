import { z } from "zod";
import { DEADLINE_STATES } from "../../shared/domain/deadline";
import {
  ageGroupSchema,
  CLOSE_REASONS,
  REFERRAL_KINDS,
  REFERRAL_SOURCE_TYPES,
  referralDeadlineTypeSchema,
  reporterRoleSchema,
  unitSchema,
} from "../../shared/events/catalogue/intake";
import { entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { REFERRAL_STATUSES } from "./domain/referral";

export { REFERRAL_STATUSES };

/** The kinds a person or organisation may post; `release` and `hotline` come only from events. */
export const EXTERNAL_KINDS = ["concern", "application", "self-referral", "police"] as const;

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const referralIdSchema = entityIdSchema;
export const caseworkerIdSchema = entityIdSchema;

/** Format only; the date and check digit are checked against the day received in the handler. */
export const identityNumberInputSchema = z
  .string()
  .trim()
  .regex(/^(\d{2})?\d{6}[-+]?\d{4}$/, "must be a personnummer or samordningsnummer");

const note = z.string().trim().max(4000);

export const createReferralBodySchema = z
  .strictObject({
    kind: z.enum(EXTERNAL_KINDS),
    municipality: kommunkodSchema,
    subject: z.strictObject({ personalIdentityNumber: identityNumberInputSchema }),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    firstOffence: z.boolean().optional(),
    reporter: z.strictObject({ role: reporterRoleSchema }),
    /** Free text: personal data, stored sealed, shown only to the municipality's staff. */
    summary: note.optional(),
  })
  .refine((b) => b.firstOffence === undefined || b.kind === "police", {
    message: "applies to police referrals only",
    path: ["firstOffence"],
  });
export type CreateReferralBody = z.infer<typeof createReferralBodySchema>;

/** Printable ASCII, as the IETF draft's examples; hashed before it is stored, so it may hold anything. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, "must be 1-128 printable characters");

export const referralParamsSchema = z.object({ id: referralIdSchema });

export const protectionAssessmentBodySchema = z.strictObject({
  immediateProtectionNeeded: z.boolean(),
  note: note.optional(),
});
export const decisionBodySchema = z.strictObject({
  openInvestigation: z.boolean(),
  reason: note.min(1),
});
export const conversationBodySchema = z.strictObject({ note: note.optional() });
export const assignBodySchema = z.strictObject({ caseworkerId: caseworkerIdSchema.optional() });
export const closeBodySchema = z.strictObject({
  reason: z.enum(CLOSE_REASONS).exclude(["withdrawn"]),
  note: note.optional(),
});

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const listQuerySchema = z.object({
  unit: unitSchema.optional(),
  kind: z.enum(REFERRAL_KINDS).optional(),
  status: referralStatusSchema.optional(),
  overdue: booleanQuery.optional(),
  /** "Mine": the referrals assigned to this caseworker. */
  assignee: caseworkerIdSchema.optional(),
  /**
   * `due`: active referrals only, the earliest step still to do first (the worklist); the default
   * for `overdue=true` and `assignee`. `received`: every referral, newest first; the default otherwise.
   */
  sort: z.enum(["due", "received"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(1024).optional(),
});

export const unitParamsSchema = z.object({ unit: unitSchema });
export const caseworkerParamsSchema = z.object({ unit: unitSchema, caseworkerId: caseworkerIdSchema });
export const putCaseworkerBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  capacity: z.number().int().min(0).max(200),
});

export const auditQuerySchema = z.object({
  referral: referralIdSchema,
  limit: z.coerce.number().int().min(1).max(100).default(100),
  cursor: z.string().max(1024).optional(),
});

const isoDateTime = z.iso.datetime({ offset: true });

export const deadlineViewSchema = z.object({
  type: referralDeadlineTypeSchema,
  dueAt: isoDateTime,
  state: z.enum(DEADLINE_STATES),
});

/** The referral as every list and every write answers it: nothing personal. */
export const referralViewSchema = z.object({
  id: referralIdSchema,
  municipality: kommunkodSchema,
  kind: z.enum(REFERRAL_KINDS),
  unit: unitSchema,
  ageGroup: ageGroupSchema,
  status: referralStatusSchema,
  receivedAt: isoDateTime,
  assignee: caseworkerIdSchema.optional(),
  source: z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: entityIdSchema }).optional(),
  /** The person's open referral in the same unit that this one was linked to. */
  linkedReferralId: referralIdSchema.optional(),
  deadlines: z.array(deadlineViewSchema),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

const recorded = z.object({ at: isoDateTime, by: z.string() });

/** One referral for the municipality's staff: the person and the notes too. Every such read is audited. */
export const referralDetailSchema = referralViewSchema.extend({
  subject: z.object({ personalIdentityNumber: z.string() }),
  firstOffence: z.boolean(),
  reporter: z.object({ role: reporterRoleSchema }).optional(),
  summary: z.string().optional(),
  protectionAssessment: recorded
    .extend({ immediateProtectionNeeded: z.boolean(), note: z.string().optional() })
    .optional(),
  decision: recorded.extend({ openInvestigation: z.boolean(), reason: z.string() }).optional(),
  firstOffenceConversation: recorded.extend({ note: z.string().optional() }).optional(),
  closure: recorded.extend({ reason: z.enum(CLOSE_REASONS), note: z.string().optional() }).optional(),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListSchema = z.object({
  items: z.array(referralViewSchema),
  cursor: z.string().optional(),
});

export const caseworkerViewSchema = z.object({
  caseworkerId: caseworkerIdSchema,
  unit: unitSchema,
  name: z.string(),
  capacity: z.number().int(),
  /** Open referrals assigned (a referral linked to another counts once, with it). */
  caseload: z.number().int(),
});
export const caseworkerListSchema = z.object({ items: z.array(caseworkerViewSchema) });

export const auditEntrySchema = z.object({
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  correlationId: z.string(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), cursor: z.string().optional() });

export const SCOPES = {
  write: "referrals:write",
  read: "referrals:read",
  manage: "referrals:manage",
  audit: "audit:read",
} as const;
