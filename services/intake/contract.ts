import * as z from "zod/mini";
import {
  auditFilterQueryFields,
  auditPageQueryFields,
  PERIOD_ORDER_ISSUE,
  periodInOrder,
} from "../../shared/audit-read";
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
export const idempotencyKeySchema = z.string().check(
  z.regex(/^[\x21-\x7e]{1,128}$/, "must be 1-128 printable characters"),
  // Hashed before it is stored, but a key is also what a client logs and retries with.
  z.refine((key) => !containsIdentityNumber(key), IDENTITY_IN_ID_MESSAGE),
);

export const referralParamsSchema = z.object({ id: referralIdSchema });

export const protectionAssessmentBodySchema = z.strictObject({
  immediateProtectionNeeded: z.boolean(),
  note: z.optional(note),
});
export const decisionBodySchema = z.strictObject({
  openInvestigation: z.boolean(),
  reason: note.check(z.minLength(1)),
});
export const conversationBodySchema = z.strictObject({ note: z.optional(note) });
export const assignBodySchema = z.strictObject({ caseworkerId: z.optional(caseworkerIdSchema) });
export const extendParamsSchema = z.object({
  id: referralIdSchema,
  type: z.enum(Object.keys(EXTENDABLE) as [keyof typeof EXTENDABLE, ...(keyof typeof EXTENDABLE)[]]),
});
/** The reason is personal data (sealed); `until` is the new last day, due when it ends. */
export const extendBodySchema = z.strictObject({ reason: note.check(z.minLength(1)), until: z.iso.date() });
export const identifyBodySchema = z.strictObject({ personalIdentityNumber: identityNumberInputSchema });
export const violenceConcernBodySchema = z.strictObject({ suspected: z.boolean() });
/** Staff close a referral for any reason but `withdrawn`, which only a withdrawn release notice gives. */
const STAFF_CLOSE_REASONS = CLOSE_REASONS.filter(
  (reason): reason is Exclude<(typeof CLOSE_REASONS)[number], "withdrawn"> => reason !== "withdrawn",
);
export const closeBodySchema = z.strictObject({
  reason: z.enum(STAFF_CLOSE_REASONS),
  note: z.optional(note),
});

const booleanQuery = z.pipe(
  z.enum(["true", "false"]),
  z.transform((v) => v === "true"),
);

/** A page's size: `limit` in the list queries, coerced from the query string. */
const pageLimit = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), fallback);
const cursorQuery = z.optional(z.string().check(z.maxLength(1024)));

export const listQuerySchema = z.object({
  unit: z.optional(unitSchema),
  kind: z.optional(z.enum(REFERRAL_KINDS)),
  status: z.optional(referralStatusSchema),
  overdue: z.optional(booleanQuery),
  /** "Mine": the referrals assigned to this caseworker. */
  assignee: z.optional(caseworkerIdSchema),
  /**
   * `due`: active referrals only, the earliest step still to do first (the worklist); the default
   * for `overdue=true` and `assignee`. `received`: every referral, newest first; the default otherwise.
   */
  sort: z.optional(z.enum(["due", "received"])),
  limit: pageLimit(25),
  cursor: cursorQuery,
});

export const unitParamsSchema = z.object({ unit: unitSchema });
export const caseworkerParamsSchema = z.object({ unit: unitSchema, caseworkerId: caseworkerIdSchema });
export const putCaseworkerBodySchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  capacity: z.number().check(z.int(), z.minimum(0), z.maximum(200)),
});

/**
 * A referral's or a task's trail, by the person acting and the period (shared/audit-read.ts) if
 * asked; a national token names the municipality, as on the other services' audit routes.
 */
export const auditQuerySchema = z
  .object({
    referral: z.optional(referralIdSchema).check(z.meta({ description: "A referral's id: its trail" })),
    task: z
      .optional(entityIdSchema)
      .check(z.meta({ description: "A task's id: its trail (who marked it done)" })),
    municipality: z.optional(kommunkodSchema).check(
      z.meta({
        description:
          "Whose record: a token with a municipality reads its own (the default); a national token names one.",
      }),
    ),
    ...auditFilterQueryFields,
    ...auditPageQueryFields,
  })
  .check(
    z.refine((q) => (q.referral === undefined) !== (q.task === undefined), {
      path: ["referral"],
      message: "give either referral or task, not both",
    }),
    z.refine(periodInOrder, PERIOD_ORDER_ISSUE),
  );
export type AuditQuery = z.output<typeof auditQuerySchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const deadlineViewSchema = z.object({
  type: referralDeadlineTypeSchema,
  dueAt: isoDateTime,
  /** `extended`: lawfully extended and still running; a breach counts against the new `dueAt`. */
  state: z.enum(INTAKE_DEADLINE_STATES),
  /** The due time before the first extension, when it was extended. */
  extendedFrom: z.optional(isoDateTime),
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
  source: z.optional(z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: clientIdSchema })),
  /** The person's open referral in the same unit that this one was linked to. */
  linkedReferralId: z.optional(referralIdSchema),
  /** `unknown` until staff identify the person (the report had no identity number). */
  identity: z.optional(z.enum(["unknown"])),
  /** Shared by the referrals made from one report about several children. */
  groupId: z.optional(entityIdSchema),
  /** Suspected violence against the child by someone close: at the top of the worklist. */
  suspectedViolenceByCloseRelative: z.optional(z.literal(true)),
  deadlines: z.array(deadlineViewSchema),
  /** A municipality's own target (an adult's investigation): a target, never a legal deadline. */
  target: z.optional(
    z.object({
      type: z.literal("investigation"),
      dueAt: isoDateTime,
      state: z.enum(["open", "reached", "passed"]),
    }),
  ),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

const recorded = z.object({ at: isoDateTime, by: z.string() });

const optionalText = z.optional(z.string());
const contactView = z.object({ phone: optionalText, email: optionalText });
const describedView = z.object({
  name: z.string(),
  birthDate: optionalText,
  approximateAge: z.optional(z.number()),
});

/** One referral for the municipality's staff: the person and the notes too. Every such read is audited. */
export const referralDetailSchema = z.extend(referralViewSchema, {
  subject: z.union([z.object({ personalIdentityNumber: z.string() }), describedView]),
  /** What the report said of a person identified later. */
  reportedAs: z.optional(describedView),
  firstOffence: z.boolean(),
  reporter: z.optional(
    z.object({
      role: reporterRoleSchema,
      /** A professional with a duty to report (SoL 14 kap. 1 §), by role. */
      dutyToReport: z.boolean(),
      name: optionalText,
      contact: z.optional(contactView),
    }),
  ),
  guardians: z.optional(z.array(z.object({ name: z.string(), contact: z.optional(contactView) }))),
  summary: optionalText,
  backdatedReason: optionalText,
  suspectedViolence: z.optional(recorded),
  /** The referrals linked to this one (later reports about the person in this unit). */
  linkedReferrals: z.optional(
    z.array(z.object({ id: referralIdSchema, kind: z.enum(REFERRAL_KINDS), receivedAt: isoDateTime })),
  ),
  extensions: z.optional(
    z.array(
      z.extend(recorded, {
        type: referralDeadlineTypeSchema,
        previousDueAt: isoDateTime,
        dueAt: isoDateTime,
        reason: z.string(),
      }),
    ),
  ),
  protectionAssessment: z.optional(
    z.extend(recorded, { immediateProtectionNeeded: z.boolean(), note: optionalText }),
  ),
  decision: z.optional(z.extend(recorded, { openInvestigation: z.boolean(), reason: z.string() })),
  firstOffenceConversation: z.optional(z.extend(recorded, { note: optionalText })),
  closure: z.optional(z.extend(recorded, { reason: z.enum(CLOSE_REASONS), note: optionalText })),
});
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListSchema = z.object({
  items: z.array(referralViewSchema),
  cursor: optionalText,
});

export const caseworkerViewSchema = z.object({
  caseworkerId: caseworkerIdSchema,
  unit: unitSchema,
  name: z.string(),
  capacity: z.number().check(z.int()),
  /** Open referrals assigned (a referral linked to another counts once, with it). */
  caseload: z.number().check(z.int()),
});
export const caseworkerListSchema = z.object({ items: z.array(caseworkerViewSchema) });

export const auditEntrySchema = z.object({
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  correlationId: z.string(),
});
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), cursor: optionalText });

export const SCOPES = {
  write: "referrals:write",
  read: "referrals:read",
  manage: "referrals:manage",
  audit: AUDIT_READ_SCOPE,
  /** A municipality's administrator: its own settings (contract-settings.ts). */
  settings: "settings:admin",
} as const;
