import * as z from "zod/mini";
import {
  ageGroupSchema,
  closeReasonSchema,
  REFERRAL_SOURCE_TYPES,
  referralDeadlineTypeSchema,
  referralKindSchema,
  reporterRoleSchema,
  unitSchema,
} from "../../../shared/events/catalogue/intake";
import { builtOnFirstUse } from "../../../shared/lazy";
import { parseStored } from "../../../shared/stored-item";
import { INTAKE_DEADLINE_STATES, nextOpenDueAt, pendingDueAt } from "../domain/deadlines/states";
import { isActive, REFERRAL_STATUSES, type Referral } from "../domain/referral";
import { referralExpiry } from "../domain/retention";
import { dueIndex, municipalityIndex, referralKey, worklistIndex } from "./keys";
import { optionalExpiry } from "./parse";

/**
 * The referral as stored. Items are validated on the way out of the table, never cast. One instance
 * of each field's type, shared by the fields of that type (a schema is immutable), is some forty
 * schemas fewer to build than one per field, and checks the same.
 */
const buildReferralRecord = () => {
  const text = z.string();
  const optionalText = z.optional(text);
  const isoDateTime = z.iso.datetime({ offset: true });
  const optionalDateTime = z.optional(isoDateTime);
  const flag = z.boolean();
  const optionalFlag = z.optional(flag);
  const wholeNumber = z.number().check(z.int());
  const recorded = { at: isoDateTime, by: text };

  const extensionSchema = z.object({
    at: isoDateTime,
    by: text,
    previousDueAt: isoDateTime,
    dueAt: isoDateTime,
    reasonSealed: text,
  });

  const deadlineSchema = z.object({
    type: referralDeadlineTypeSchema,
    dueAt: isoDateTime,
    state: z.enum(INTAKE_DEADLINE_STATES),
    doneAt: optionalDateTime,
    extensions: z.optional(z.array(extensionSchema)),
  });

  return z.object({
    pk: text,
    sk: z.literal("REF"),
    id: text,
    municipality: text,
    kind: referralKindSchema,
    unit: unitSchema,
    ageGroup: ageGroupSchema,
    status: z.enum(REFERRAL_STATUSES),
    receivedAt: isoDateTime,
    updatedAt: isoDateTime,
    subjectRef: text,
    /** The identity number, sealed: the table never holds it in clear. Absent while not identified. */
    subjectSealed: optionalText,
    identity: z.optional(z.enum(["unknown"])),
    /** The name and birth date or approximate age the report gave, sealed. */
    unidentifiedSealed: optionalText,
    groupId: optionalText,
    firstOffence: flag,
    financialAssistance: flag,
    reporterRole: z.optional(reporterRoleSchema),
    reporterSealed: optionalText,
    guardiansSealed: optionalText,
    /** Free text, sealed like the identity. */
    summarySealed: optionalText,
    backdatedReasonSealed: optionalText,
    closeRelativeViolence: z.optional(z.object(recorded)),
    source: z.optional(z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: text })),
    /** The release notice's latest update applied, so that an older one arriving late changes nothing. */
    sourceUpdatedAt: optionalDateTime,
    linkedReferralId: optionalText,
    joinedInvestigation: optionalFlag,
    target: z.optional(z.object({ type: z.literal("investigation"), dueAt: isoDateTime })),
    assignee: optionalText,
    deadlines: z.array(deadlineSchema),
    protectionAssessment: z.optional(
      z.object({ ...recorded, immediateProtectionNeeded: flag, noteSealed: optionalText }),
    ),
    decision: z.optional(z.object({ ...recorded, openInvestigation: flag, reasonSealed: text })),
    firstOffenceConversation: z.optional(z.object({ ...recorded, noteSealed: optionalText })),
    closure: z.optional(z.object({ ...recorded, reason: closeReasonSchema, noteSealed: optionalText })),
    /** Optimistic concurrency: every write conditions on the version it read. */
    version: wholeNumber.check(z.nonnegative()),
    keptForResearch: z.optional(z.literal(true)),
    /** TTL (gallring), epoch seconds: domain/retention.ts from the last entry; absent while kept for research. */
    expiresAt: z.optional(wholeNumber),
    /** The earliest step still to do: what `overdue=true` filters on. */
    pendingDueAt: optionalDateTime,
    gsi1pk: optionalText,
    gsi1sk: optionalText,
    gsi2pk: text,
    gsi2sk: text,
    /** The worklist (gsi3): present only while the referral is active. */
    gsi3pk: optionalText,
    gsi3sk: optionalText,
  });
};
/**
 * Built on the first referral read, not as the module loads: a report about someone without an
 * open referral and a sweep with nothing due read none (test/bench/zod-count.ts).
 */
export const referralRecordSchema = builtOnFirstUse(buildReferralRecord);
export type ReferralRecord = z.infer<ReturnType<typeof referralRecordSchema>>;

/** The referral as stored, its keys and index attributes dropped. */
export const parseReferral = (item: Record<string, unknown> | undefined): Referral | undefined => {
  const record = parseStored(referralRecordSchema(), item, "referral");
  if (!record) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _p1,
    gsi1sk: _s1,
    gsi2pk: _p2,
    gsi2sk: _s2,
    gsi3pk: _p3,
    gsi3sk: _s3,
    pendingDueAt: _d,
    expiresAt: _e,
    ...referral
  } = record;
  return referral;
};

/**
 * The item for a referral: its key, the municipality index by receipt, and, while it is active,
 * the due index by its next open deadline (what the sweep reads) and `pendingDueAt` (what
 * `overdue` filters on), and the worklist by that earliest step. A closed or withdrawn referral
 * leaves the due index and the worklist: a rewrite without them removes the attributes.
 */
export const toRecord = (referral: Referral): ReferralRecord => {
  const next = isActive(referral) ? nextOpenDueAt(referral.deadlines) : undefined;
  const pending = isActive(referral) ? pendingDueAt(referral.deadlines) : undefined;
  return {
    ...referralKey(referral.id),
    ...referral,
    deadlines: referral.deadlines.map(({ extensions, ...deadline }) => ({
      ...deadline,
      ...(extensions ? { extensions: [...extensions] } : {}),
    })),
    gsi2pk: municipalityIndex.partition(referral.municipality),
    gsi2sk: municipalityIndex.sort(
      referral.receivedAt,
      referral.id,
      isActive(referral) && referral.closeRelativeViolence !== undefined,
    ),
    ...(pending ? { pendingDueAt: pending } : {}),
    ...optionalExpiry(referralExpiry(referral)),
    ...(next ? { gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(next, referral.id) } : {}),
    ...(isActive(referral)
      ? {
          gsi3pk: worklistIndex.partition(referral.municipality, referral.unit),
          gsi3sk: worklistIndex.sort(pending, referral.id),
        }
      : {}),
  };
};
