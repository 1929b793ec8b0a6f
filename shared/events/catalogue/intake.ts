import * as z from "zod/mini";
import { defineEvent, entityIdSchema, isoDateTimeSchema, subjectRefSchema } from "../envelope";
import { REFERRAL_KINDS, UNITS } from "./intake-lists";

/**
 * The lists intake's API validates against as well, so that what a caseworker may enter and what
 * a consumer may receive cannot drift apart. Adding a value is a compatible change for the
 * catalogue; a consumer that switches over one of these lists should keep a default branch.
 */
export { REFERRAL_KINDS, UNITS };
/** Cylindermodellen's bands, made disjoint; the exact age never leaves intake. */
export const AGE_GROUPS = ["0-5", "6-12", "13-17", "18-30", "31+"] as const;
export const REFERRAL_DEADLINE_TYPES = [
  "protection-assessment",
  "pre-assessment",
  "first-offence-conversation",
  "investigation",
  "release-plan",
] as const;
export const REPORTER_ROLES = [
  "school",
  "police",
  "healthcare",
  "social-services",
  "relative",
  "self",
  "anonymous",
  "other",
] as const;
/** Where an internal referral came from; the id is the other service's own id for it. */
export const REFERRAL_SOURCE_TYPES = ["release-notice", "hotline-triage"] as const;
/**
 * Closing reasons as codes: the API's free-text note may hold personal data and stays in intake.
 * `withdrawn` is what a withdrawn release notice closes its referral with.
 */
export const CLOSE_REASONS = [
  "no-investigation",
  "investigation-concluded",
  "transferred",
  "merged",
  "withdrawn",
  "other",
] as const;
export const ASSESSMENTS = ["protection-assessment", "pre-assessment", "first-offence-conversation"] as const;

export const referralKindSchema = z.enum(REFERRAL_KINDS);
export const ageGroupSchema = z.enum(AGE_GROUPS);
export const unitSchema = z.enum(UNITS);
export const referralDeadlineTypeSchema = z.enum(REFERRAL_DEADLINE_TYPES);
export const reporterRoleSchema = z.enum(REPORTER_ROLES);
export const closeReasonSchema = z.enum(CLOSE_REASONS);

const idSchema = entityIdSchema;

const deadlineSchema = z.object({ type: referralDeadlineTypeSchema, dueAt: isoDateTimeSchema });

/** Repeated on every referral event so that a consumer can count it without keeping the referral. */
const referralFacts = {
  referralId: idSchema,
  kind: referralKindSchema,
  unit: unitSchema,
  ageGroup: ageGroupSchema,
};

export const referralReceived = defineEvent("referral.received", 1, () =>
  z.object({
    ...referralFacts,
    receivedAt: isoDateTimeSchema,
    /** The keyed hash of the identity number: links referrals about one person, carries no number. */
    subjectRef: subjectRefSchema,
    /** A police referral of a youth's first offence: starts the 48-hour conversation deadline. */
    firstOffence: z.boolean(),
    /** Absent for the internal kinds (`release`, `hotline`), which no person reported. */
    reporterRole: z.optional(reporterRoleSchema),
    source: z.optional(z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: idSchema })),
    /** Set when the person already had an open referral in the same unit and this one was linked to it. */
    linkedReferralId: z.optional(idSchema),
    /**
     * `unknown` when the report named the person without an identity number: `subjectRef` is then
     * a placeholder keyed on this referral, which links it to nobody. Absent when identified.
     */
    identity: z.optional(z.enum(["unknown"])),
    /** The referrals made from one report about several children share it. */
    groupId: z.optional(idSchema),
    /** The deadlines set on receipt; an `investigation` deadline comes later, with the decision to open one. */
    deadlines: z.array(deadlineSchema),
  }),
);

const assessmentBase = z.object({
  ...referralFacts,
  receivedAt: isoDateTimeSchema,
  assessedAt: isoDateTimeSchema,
  /**
   * The due time of the deadline this assessment answers, when the referral had one (a
   * pre-assessment of an adult's application has none): a consumer compares it with `assessedAt`.
   */
  dueAt: z.optional(isoDateTimeSchema),
});

/**
 * One event per recorded assessment step. A variant per step keeps each outcome required where it
 * applies, instead of a bag of optional fields a consumer would have to guess at.
 */
export const referralAssessed = defineEvent("referral.assessed", 1, () =>
  z.discriminatedUnion("assessment", [
    z.extend(assessmentBase, {
      assessment: z.literal("protection-assessment"),
      immediateProtectionNeeded: z.boolean(),
    }),
    z.extend(assessmentBase, {
      /** Förhandsbedömning: the decision whether to open an investigation. */
      assessment: z.literal("pre-assessment"),
      openInvestigation: z.boolean(),
      /** When an investigation was opened: its four-month deadline. */
      investigationDueAt: z.optional(isoDateTimeSchema),
    }),
    z.extend(assessmentBase, {
      assessment: z.literal("first-offence-conversation"),
    }),
  ]),
);

export const referralAssigned = defineEvent("referral.assigned", 1, () =>
  z.object({
    ...referralFacts,
    assignedAt: isoDateTimeSchema,
    /** A staff id from intake's caseworker register, not a name. */
    caseworkerId: idSchema,
    previousCaseworkerId: z.optional(idSchema),
    /** Chosen by the system (lowest caseload relative to capacity) rather than named by staff. */
    suggested: z.boolean(),
  }),
);

export const referralClosed = defineEvent("referral.closed", 1, () =>
  z.object({
    ...referralFacts,
    receivedAt: isoDateTimeSchema,
    closedAt: isoDateTimeSchema,
    reason: closeReasonSchema,
  }),
);
