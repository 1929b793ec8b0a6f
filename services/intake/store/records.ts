import * as z from "zod/mini";
import {
  ageGroupSchema,
  CLOSE_REASONS,
  REFERRAL_KINDS,
  REFERRAL_SOURCE_TYPES,
  referralDeadlineTypeSchema,
  reporterRoleSchema,
  unitSchema,
} from "../../../shared/events/catalogue/intake";
import { INTAKE_DEADLINE_STATES, nextOpenDueAt, pendingDueAt } from "../domain/deadlines/states";
import { isActive, REFERRAL_STATUSES, type Referral } from "../domain/referral";
import { referralExpiry } from "../domain/retention";
import { dueIndex, municipalityIndex, referralKey, worklistIndex } from "./keys";
import { optionalExpiry, parseStored } from "./parse";

const isoDateTime = z.iso.datetime({ offset: true });
const recorded = { at: isoDateTime, by: z.string() };

const extensionSchema = z.object({
  at: isoDateTime,
  by: z.string(),
  previousDueAt: isoDateTime,
  dueAt: isoDateTime,
  reasonSealed: z.string(),
});

const deadlineSchema = z.object({
  type: referralDeadlineTypeSchema,
  dueAt: isoDateTime,
  state: z.enum(INTAKE_DEADLINE_STATES),
  doneAt: z.optional(isoDateTime),
  extensions: z.optional(z.array(extensionSchema)),
});

/** The referral as stored. Items are validated on the way out of the table, never cast. */
export const referralRecordSchema = z.object({
  pk: z.string(),
  sk: z.literal("REF"),
  id: z.string(),
  municipality: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  unit: unitSchema,
  ageGroup: ageGroupSchema,
  status: z.enum(REFERRAL_STATUSES),
  receivedAt: isoDateTime,
  updatedAt: isoDateTime,
  subjectRef: z.string(),
  /** The identity number, sealed: the table never holds it in clear. Absent while not identified. */
  subjectSealed: z.optional(z.string()),
  identity: z.optional(z.enum(["unknown"])),
  /** The name and birth date or approximate age the report gave, sealed. */
  unidentifiedSealed: z.optional(z.string()),
  groupId: z.optional(z.string()),
  firstOffence: z.boolean(),
  financialAssistance: z.boolean(),
  reporterRole: z.optional(reporterRoleSchema),
  reporterSealed: z.optional(z.string()),
  guardiansSealed: z.optional(z.string()),
  /** Free text, sealed like the identity. */
  summarySealed: z.optional(z.string()),
  backdatedReasonSealed: z.optional(z.string()),
  closeRelativeViolence: z.optional(z.object(recorded)),
  source: z.optional(z.object({ type: z.enum(REFERRAL_SOURCE_TYPES), id: z.string() })),
  /** The release notice's latest update applied, so that an older one arriving late changes nothing. */
  sourceUpdatedAt: z.optional(isoDateTime),
  linkedReferralId: z.optional(z.string()),
  joinedInvestigation: z.optional(z.boolean()),
  target: z.optional(z.object({ type: z.literal("investigation"), dueAt: isoDateTime })),
  assignee: z.optional(z.string()),
  deadlines: z.array(deadlineSchema),
  protectionAssessment: z.optional(
    z.object({ ...recorded, immediateProtectionNeeded: z.boolean(), noteSealed: z.optional(z.string()) }),
  ),
  decision: z.optional(z.object({ ...recorded, openInvestigation: z.boolean(), reasonSealed: z.string() })),
  firstOffenceConversation: z.optional(z.object({ ...recorded, noteSealed: z.optional(z.string()) })),
  closure: z.optional(
    z.object({ ...recorded, reason: z.enum(CLOSE_REASONS), noteSealed: z.optional(z.string()) }),
  ),
  /** Optimistic concurrency: every write conditions on the version it read. */
  version: z.number().check(z.int(), z.nonnegative()),
  keptForResearch: z.optional(z.literal(true)),
  /** TTL (gallring), epoch seconds: domain/retention.ts from the last entry; absent while kept for research. */
  expiresAt: z.optional(z.number().check(z.int())),
  /** The earliest step still to do: what `overdue=true` filters on. */
  pendingDueAt: z.optional(isoDateTime),
  gsi1pk: z.optional(z.string()),
  gsi1sk: z.optional(z.string()),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  /** The worklist (gsi3): present only while the referral is active. */
  gsi3pk: z.optional(z.string()),
  gsi3sk: z.optional(z.string()),
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

/** The referral as stored, its keys and index attributes dropped. */
export const parseReferral = (item: Record<string, unknown> | undefined): Referral | undefined => {
  const record = parseStored(referralRecordSchema, item, "referral");
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
