/**
 * A referral's interventions: one item per referral, beside the referral, holding them all with a
 * version. Every change is a Put conditioned on the version read, in one transaction with its
 * audit rows and the outbox rows of its events. Keys hold the referral's id only.
 */
import * as z from "zod/mini";
import { auditPut } from "../../../shared/audit-trail";
import type { TransactItem } from "../../../shared/dynamo";
import {
  interventionOutcomeSchema,
  interventionTypeSchema,
} from "../../../shared/events/catalogue/interventions";
import { parseStored } from "../../../shared/stored-item";
import { emptyLedger, type Intervention, type InterventionLedger } from "../domain/intervention-ledger";
import type { AuditFact, Referral } from "../domain/referral";
import { referralExpiry } from "../domain/retention";
import { optionalExpiry } from "./parse";
import { toRecord } from "./records";
import { type IntakeTable, readItem } from "./table";
import { auditRow, type IntakeWriteTarget } from "./transaction";

export const interventionsKey = (referralId: string) => ({
  pk: `INTERVENTIONS#${referralId}`,
  sk: "INTERVENTIONS" as const,
});

/** One instance per field type, shared by the fields of that type: fewer schemas to build as the module loads. */
const text = z.string();
const optionalText = z.optional(text);
const isoDate = z.iso.date();
const optionalDate = z.optional(isoDate);
const recorded = z.object({ at: z.iso.datetime({ offset: true }), by: text });
const optionalRecorded = z.optional(recorded);

const interventionRecordSchema = z.object({
  id: text,
  type: interventionTypeSchema,
  descriptionSealed: optionalText,
  noteSealed: optionalText,
  decidedAt: isoDate,
  startedAt: optionalDate,
  endedAt: optionalDate,
  outcome: z.optional(interventionOutcomeSchema),
  firstOnReferral: z.optional(z.literal(true)),
  recorded,
  startRecorded: optionalRecorded,
  endRecorded: optionalRecorded,
});

/** The item as stored, validated on the way out of the table, never cast. */
export const ledgerRecordSchema = z.object({
  pk: text,
  sk: z.literal("INTERVENTIONS"),
  referralId: text,
  interventions: z.array(interventionRecordSchema),
  version: z.number().check(z.int(), z.positive()),
  /** Epoch seconds; DynamoDB's TTL deletes the item some time after. */
  expiresAt: z.optional(z.number()),
});

/** The referral's interventions, or an empty ledger (version 0) when none is recorded yet. */
export const readInterventions = async (
  table: IntakeTable,
  referralId: string,
): Promise<InterventionLedger> => {
  const record = parseStored(
    ledgerRecordSchema,
    await readItem(table, interventionsKey(referralId)),
    "interventions",
  );
  if (!record) return emptyLedger(referralId);
  const interventions: Intervention[] = record.interventions;
  return { referralId: record.referralId, interventions, version: record.version };
};

/**
 * The referral first (item 0, so that a lost race is recognised by `retryOnLostRace`), rewritten
 * with this change as its last entry, conditioned on the version read: its TTL moves with it, and
 * every ledger change also moves the referral's version, so two changes to one referral's
 * interventions race on it. Then the ledger (a new one only if none exists, otherwise only at the
 * version decided from), kept as long as the referral; then the audit rows, in the audit table.
 */
export const prepareInterventionWrite = (
  target: IntakeWriteTarget,
  change: {
    readonly referral: Referral;
    readonly expectedReferralVersion: number;
    readonly ledger: InterventionLedger;
    readonly expectedVersion: number;
    readonly audit: readonly AuditFact[];
  },
  on: { readonly correlationId: string },
): TransactItem[] => [
  {
    Put: {
      TableName: target.tableName,
      Item: toRecord(change.referral),
      ConditionExpression: "version = :v",
      ExpressionAttributeValues: { ":v": change.expectedReferralVersion },
    },
  },
  {
    Put: {
      TableName: target.tableName,
      Item: {
        ...interventionsKey(change.ledger.referralId),
        referralId: change.ledger.referralId,
        interventions: change.ledger.interventions.map((i) => ({ ...i })),
        version: change.ledger.version,
        ...optionalExpiry(referralExpiry(change.referral)),
      },
      ...(change.expectedVersion === 0
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "version = :v",
            ExpressionAttributeValues: { ":v": change.expectedVersion },
          }),
    },
  },
  ...change.audit.map((fact) =>
    auditPut(target.auditTableName, auditRow(fact, change.referral, on.correlationId)),
  ),
];
