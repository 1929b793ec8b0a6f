import * as z from "zod";
import { auditFilterQueryFields, PERIOD_ORDER_ISSUE, periodInOrder } from "../../shared/audit-trail";
import { AUDIT_READ_SCOPE } from "../../shared/domain/scopes";
import {
  ageGroupSchema,
  CLOSE_REASONS,
  REFERRAL_KINDS,
  REFERRAL_SOURCE_TYPES,
  referralDeadlineTypeSchema,
  reporterRoleSchema,
  unitSchema,
} from "../../shared/events/catalogue/intake";
import { clientIdSchema, entityIdSchema, kommunkodSchema } from "../../shared/events/envelope";
import { containsIdentityNumber, IDENTITY_IN_ID_MESSAGE } from "../../shared/identity/in-text";
import { identityNumberInputSchema, note } from "./contract-report";
import { INTAKE_DEADLINE_STATES } from "./domain/deadlines/states";
import { EXTENDABLE } from "./domain/extension";
import { REFERRAL_STATUSES } from "./domain/referral";

export * from "./contract-report";
export { REFERRAL_STATUSES };

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const referralIdSchema = entityIdSchema;
export const caseworkerIdSchema = clientIdSchema;

/** Printable ASCII, as the IETF draft's examples; hashed before it is stored, so it may hold anything. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, "must be 1-128 printable characters")
  // Hashed before it is stored, but a key is also what a client logs and retries with.
  .refine((key) => !containsIdentityNumber(key), IDENTITY_IN_ID_MESSAGE);

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
export const assignBodySchema = z.strictObject({ caseworkerId: z.optional(caseworkerIdSchema) });
export const extendParamsSchema = z.object({
  id: referralIdSchema,
  type: z.enum(Object.keys(EXTENDABLE) as [keyof typeof EXTENDABLE, ...(keyof typeof EXTENDABLE)[]]),
});
/** The reason is personal data (sealed); `until` is the new last day, due when it ends. */
export const extendBodySchema = z.strictObject({ reason: note.min(1), until: z.iso.date() });
export const identifyBodySchema = z.strictObject({ personalIdentityNumber: identityNumberInputSchema });
export const violenceConcernBodySchema = z.strictObject({ suspected: z.boolean() });
export const closeBodySchema = z.strictObject({
  reason: z.enum(CLOSE_REASONS).exclude(["withdrawn"]),
  note: note.optional(),
});

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const listQuerySchema = z.object({
  unit: z.optional(unitSchema),
  kind: z.enum(REFERRAL_KINDS).optional(),
  status: referralStatusSchema.optional(),
  overdue: booleanQuery.optional(),
  /** "Mine": the referrals assigned to this caseworker. */
  assignee: z.optional(caseworkerIdSchema),
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

/**
 * A referral's or a task's trail, by the person acting and the period (shared/audit-trail.ts) if
 * asked; a national token names the municipality, as on the other services' audit routes.
 */
export const auditQuerySchema = z
  .object({
    referral: z.optional(referralIdSchema).meta({ description: "A referral's id: its trail" }),
    task: z.optional(entityIdSchema).meta({ description: "A task's id: its trail (who marked it done)" }),
    municipality: z.optional(kommunkodSchema).meta({
      description:
        "Whose record: a token with a municipality reads its own (the default); a national token names one.",
    }),
    ...auditFilterQueryFields,
    limit: z.coerce.number().int().min(1).max(100).default(100),
    cursor: z.string().max(1024).optional(),
  })
  .refine((q) => (q.referral === undefined) !== (q.task === undefined), {
    path: ["referral"],
    message: "give either referral or task, not both",
  })
  .refine(periodInOrder, PERIOD_ORDER_ISSUE);
export type AuditQuery = z.output<typeof auditQuerySchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const deadlineViewSchema = z.object({
  type: referralDeadlineTypeSchema,
  dueAt: isoDateTime,
  /** `extended`: lawfully extended and still running; a breach counts against the new `dueAt`. */
  state: z.enum(INTAKE_DEADLINE_STATES),
  /** The due time before the first extension, when it was extended. */
  extendedFrom: isoDateTime.optional(),
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
  assignee: z.optional(caseworkerIdSchema),
  source: z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: clientIdSchema }).optional(),
  /** The person's open referral in the same unit that this one was linked to. */
  linkedReferralId: z.optional(referralIdSchema),
  /** `unknown` until staff identify the person (the report had no identity number). */
  identity: z.enum(["unknown"]).optional(),
  /** Shared by the referrals made from one report about several children. */
  groupId: z.optional(entityIdSchema),
  /** Suspected violence against the child by someone close: at the top of the worklist. */
  suspectedViolenceByCloseRelative: z.literal(true).optional(),
  deadlines: z.array(deadlineViewSchema),
  /** A municipality's own target (an adult's investigation): a target, never a legal deadline. */
  target: z
    .object({
      type: z.literal("investigation"),
      dueAt: isoDateTime,
      state: z.enum(["open", "reached", "passed"]),
    })
    .optional(),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

const recorded = z.object({ at: isoDateTime, by: z.string() });

const contactView = z.object({ phone: z.string().optional(), email: z.string().optional() });

/** One referral for the municipality's staff: the person and the notes too. Every such read is audited. */
export const referralDetailSchema = referralViewSchema.extend({
  subject: z.union([
    z.object({ personalIdentityNumber: z.string() }),
    z.object({ name: z.string(), birthDate: z.string().optional(), approximateAge: z.number().optional() }),
  ]),
  /** What the report said of a person identified later. */
  reportedAs: z
    .object({ name: z.string(), birthDate: z.string().optional(), approximateAge: z.number().optional() })
    .optional(),
  firstOffence: z.boolean(),
  reporter: z
    .object({
      role: reporterRoleSchema,
      /** A professional with a duty to report (SoL 14 kap. 1 §), by role. */
      dutyToReport: z.boolean(),
      name: z.string().optional(),
      contact: contactView.optional(),
    })
    .optional(),
  guardians: z.array(z.object({ name: z.string(), contact: contactView.optional() })).optional(),
  summary: z.string().optional(),
  backdatedReason: z.string().optional(),
  suspectedViolence: recorded.optional(),
  /** The referrals linked to this one (later reports about the person in this unit). */
  linkedReferrals: z
    .array(z.object({ id: referralIdSchema, kind: z.enum(REFERRAL_KINDS), receivedAt: isoDateTime }))
    .optional(),
  extensions: z
    .array(
      recorded.extend({
        type: referralDeadlineTypeSchema,
        previousDueAt: isoDateTime,
        dueAt: isoDateTime,
        reason: z.string(),
      }),
    )
    .optional(),
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
  audit: AUDIT_READ_SCOPE,
  /** A municipality's administrator: its own settings (contract-settings.ts). */
  settings: "settings:admin",
} as const;
