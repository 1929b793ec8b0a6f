/**
 * Writing a decided transition: the referral conditioned on the version it was decided from, the
 * person's open-case row, the source and idempotency rows, caseload counters and audit rows, all
 * in one transaction with the outbox rows of its events.
 */
import { type AuditRow, auditKey, auditPut, putAuditRows } from "../../../shared/audit-trail";
import { epochSeconds, failedConditions, type TransactItem } from "../../../shared/dynamo";
import type { Envelope } from "../../../shared/events/envelope";
import type { EventPublisher } from "../../../shared/events/outbox";
import { newMonotonicId } from "../../../shared/ids";
import type { AuditFact, Referral, SourceType, Transition } from "../domain/referral";
import { referralAuditExpiry, referralExpiry } from "../domain/retention";
import { auditSubject, caseworkerKey, idempotencyKey, linkKey, openInUnitKey, sourceKey } from "./keys";
import { optionalExpiry } from "./parse";
import { toRecord } from "./records";
import type { IntakeTable } from "./table";

/** Where a transition is written: the intake table, and the audit table for its audit rows. */
export interface IntakeWriteTarget {
  readonly tableName: string;
  readonly auditTableName: string;
}

/** What each transaction item is, so that a cancelled transaction says which condition failed. */
export type WritePart = "referral" | "open-case" | "source" | "idempotency" | "audit" | "caseload" | "link";

export interface PreparedWrite {
  readonly items: readonly TransactItem[];
  /** `parts[i]` names `items[i]`; the referral is always item 0. */
  readonly parts: readonly WritePart[];
}

/** An Idempotency-Key's row: the keyed hash of the key, and of the request it came with. */
export interface IdempotencyClaim {
  readonly keyHash: string;
  readonly requestHash: string;
  /** The row is written now and answers until then; DynamoDB's TTL deletes it some time after. */
  readonly now: Date;
  readonly expiresAt: Date;
}

/**
 * The key's row, for one referral or a group. It may replace a row whose time has passed but that
 * DynamoDB's TTL has not yet deleted; a live one makes the transaction fail (a concurrent retry).
 */
export const idempotencyPut = (
  tableName: string,
  claim: IdempotencyClaim,
  made:
    | { readonly referralId: string }
    | { readonly referralIds: readonly string[]; readonly groupId: string },
): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: {
      ...idempotencyKey(claim.keyHash),
      ...made,
      requestHash: claim.requestHash,
      expiresAt: epochSeconds(claim.expiresAt),
    },
    ConditionExpression: "attribute_not_exists(pk) OR expiresAt <= :now",
    ExpressionAttributeValues: { ":now": epochSeconds(claim.now) },
  },
});

/**
 * Audit rows sort by time and then by this id: monotonic, so rows written in one millisecond keep
 * their order. Kept beyond the referral's expiry as it stands now (domain/retention.ts).
 */
export const auditRow = (
  fact: AuditFact,
  referral: Parameters<typeof referralExpiry>[0],
  correlationId: string,
): AuditRow => ({
  key: auditKey("intake", auditSubject(fact.referralId), fact.at, newMonotonicId()),
  municipality: referral.municipality,
  attributes: {
    referralId: fact.referralId,
    action: fact.action,
    actor: fact.actor,
    at: fact.at.toISOString(),
    correlationId,
  },
  expiresAt: referralAuditExpiry(referral),
});

export const prepareWrite = (
  target: IntakeWriteTarget,
  transition: Transition,
  options: { readonly correlationId: string; readonly idempotency?: IdempotencyClaim },
): PreparedWrite => {
  const { referral } = transition;
  const { tableName } = target;
  // Rows written once beside the referral go when it would go as it stands now.
  const besideReferral = optionalExpiry(referralExpiry(referral));
  const items: TransactItem[] = [];
  const parts: WritePart[] = [];
  const add = (part: WritePart, item: TransactItem) => {
    items.push(item);
    parts.push(part);
  };
  add("referral", {
    Put: {
      TableName: tableName,
      Item: toRecord(referral),
      ...(transition.expectedVersion === undefined
        ? { ConditionExpression: "attribute_not_exists(pk)" }
        : {
            ConditionExpression: "version = :v",
            ExpressionAttributeValues: { ":v": transition.expectedVersion },
          }),
    },
  });
  const openKey = openInUnitKey(referral.municipality, referral.unit, referral.subjectRef);
  const open = transition.openCase;
  if (open?.kind === "claim") {
    // Take the row if nobody has, or if it still names the closed referral we read: a concurrent
    // referral for the same person fails here and is linked on its retry.
    add("open-case", {
      Put: {
        TableName: tableName,
        Item: { ...openKey, referralId: referral.id },
        ...(open.replacing
          ? {
              ConditionExpression: "referralId = :old",
              ExpressionAttributeValues: { ":old": open.replacing },
            }
          : { ConditionExpression: "attribute_not_exists(pk)" }),
      },
    });
  } else if (open?.kind === "release") {
    add("open-case", { Delete: { TableName: tableName, Key: openKey } });
  }
  const source = transition.claimsSource;
  if (source) {
    add("source", {
      Put: {
        TableName: tableName,
        Item: {
          ...sourceKey(source.type, source.id, source.purpose),
          referralId: referral.id,
          ...besideReferral,
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
  }
  for (const fact of transition.audit) {
    add("audit", auditPut(target.auditTableName, auditRow(fact, referral, options.correlationId)));
  }
  for (const change of transition.caseload ?? []) {
    add("caseload", {
      Update: {
        TableName: tableName,
        Key: caseworkerKey(referral.municipality, referral.unit, change.caseworkerId),
        UpdateExpression: "ADD #caseload :d",
        ExpressionAttributeNames: { "#caseload": "caseload" },
        ExpressionAttributeValues: { ":d": change.delta },
      },
    });
  }
  const link = transition.linkRow;
  if (link) {
    add("link", {
      Put: {
        TableName: tableName,
        Item: {
          ...linkKey(link.openReferralId, link.referralId),
          referralId: link.referralId,
          kind: link.kind,
          receivedAt: link.receivedAt,
          ...besideReferral,
        },
      },
    });
  }
  if (options.idempotency) {
    add("idempotency", idempotencyPut(tableName, options.idempotency, { referralId: referral.id }));
  }
  return { items, parts };
};

/** Several referrals' writes as one transaction (a report about siblings), with the key's row for them all. */
export const combineWrites = (
  target: IntakeWriteTarget,
  writes: readonly PreparedWrite[],
  idempotency?: {
    readonly claim: IdempotencyClaim;
    readonly referralIds: readonly string[];
    readonly groupId: string;
  },
): PreparedWrite => {
  const items = writes.flatMap((w) => w.items);
  const parts = writes.flatMap((w) => w.parts);
  if (!idempotency) return { items, parts };
  const { claim, referralIds, groupId } = idempotency;
  return {
    items: [...items, idempotencyPut(target.tableName, claim, { referralIds, groupId })],
    parts: [...parts, "idempotency"],
  };
};

/** The transition and its events' outbox rows, atomically; then the events go out. */
export const commitWrite = (
  publisher: EventPublisher,
  prepared: PreparedWrite,
  events: readonly Envelope[],
): Promise<void> => publisher.commit(prepared.items, events);

/** Which parts' conditions failed, if the error is a cancelled transaction; otherwise undefined. */
export const conflictingParts = (error: unknown, prepared: PreparedWrite): WritePart[] | undefined =>
  failedConditions(error)?.flatMap((index) => {
    const part = prepared.parts[index];
    return part ? [part] : [];
  });

/** The referral changed since it was read: another request or sweep won the race. */
export const lostRace = (error: unknown): boolean => failedConditions(error)?.includes(0) ?? false;

/** A notice withdrawn before it reached intake: a tombstone, so that a late `received` makes nothing. */
export const sourceTombstone = (tableName: string, type: SourceType, id: string): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...sourceKey(type, id), withdrawn: true },
    ConditionExpression: "attribute_not_exists(pk)",
  },
});

/** Audit rows for reads of these referrals, outside any transaction: a read changes nothing else. */
export const auditReads = (
  table: Pick<IntakeTable, "doc"> & Pick<IntakeWriteTarget, "auditTableName">,
  referrals: readonly Referral[],
  read: Omit<AuditFact, "referralId">,
  correlationId: string,
): Promise<void> =>
  putAuditRows(
    table,
    referrals.map((referral) => auditRow({ ...read, referralId: referral.id }, referral, correlationId)),
  );
