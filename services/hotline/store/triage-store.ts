import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type DueEntry, dueEntries } from "../../../shared/app/sweep";
import { encodeCursor, queryDue, resumeKey } from "../../../shared/dynamo";
import type { Envelope } from "../../../shared/events/envelope";
import { triageExpiresAt } from "../domain/retention";
import { nextDue } from "../domain/triage-clock";
import type { Triage, TriageStatus } from "../domain/triage-state";
import { type AuditEntry, auditPut } from "./audit-trail";
import { dueIndex, triageKey, triageListIndex, triageWorklistIndex } from "./keys";
import { triageFromItem } from "./records";
import { readItem, type TableDeps } from "./table";

/**
 * Where a triage sits on the indexes, from its state alone: on the due index at its next stage
 * (off it when nothing is left to watch), on the list by its status, oldest call first, and, until
 * it is completed, on the worklist by its status and due time.
 */
export const triageIndexes = (triage: Triage) => {
  const due = nextDue(triage);
  return {
    ...(due ? { gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(due, triage.id) } : {}),
    gsi2pk: triageListIndex.partition(triage.municipality, triage.status),
    gsi2sk: triageListIndex.sort(triage.receivedAt, triage.id),
    ...(triage.status === "completed"
      ? {}
      : {
          gsi3pk: triageWorklistIndex.partition(triage.municipality, triage.status),
          gsi3sk: triageWorklistIndex.sort(triage.deadline.dueAt, triage.id),
        }),
  };
};

/** The whole item: a Put of it replaces the stored one, index attributes included. */
/** The item, its TTL moved to its rule's period after the last entry (domain/retention.ts). */
export const triageItem = (triage: Triage): Record<string, unknown> => ({
  ...triageKey(triage.id),
  ...triage,
  expiresAt: triageExpiresAt(triage),
  ...triageIndexes(triage),
});

export type TriagePage =
  | { readonly ok: true; readonly items: readonly Triage[]; readonly cursor: string | undefined }
  | { readonly ok: false };

export class TriageStore {
  constructor(private readonly deps: TableDeps) {}

  read(id: string): Promise<Triage | undefined> {
    return readItem(this.deps, triageKey(id), triageFromItem, { consistent: true });
  }

  /**
   * A municipality's triages in one status, oldest call first or (`due`, not for completed ones)
   * soonest due first; not ok for a cursor that is not from this very listing.
   */
  async list(
    municipality: string,
    status: TriageStatus,
    page: { readonly limit: number; readonly cursor: string | undefined },
    sort: "received" | "due" = "received",
  ): Promise<TriagePage> {
    const [index, pk, sk] =
      sort === "due"
        ? ([triageWorklistIndex, "gsi3pk", "gsi3sk"] as const)
        : ([triageListIndex, "gsi2pk", "gsi2sk"] as const);
    const partition = index.partition(municipality, status);
    // Only a key from this very listing may resume it: anything else would read another partition.
    const resume = resumeKey(page.cursor, {
      attributes: ["pk", "sk", pk, sk],
      fixed: { [pk]: partition, sk: "TRIAGE" },
    });
    if (!resume.ok) return { ok: false };
    const out = await this.deps.doc.send(
      new QueryCommand({
        TableName: this.deps.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${pk} = :p`,
        ExpressionAttributeValues: { ":p": partition },
        Limit: page.limit,
        ExclusiveStartKey: resume.key,
      }),
    );
    const items = (out.Items ?? []).flatMap((item) => triageFromItem(item) ?? []);
    return { ok: true, items, cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /** Triages with a stage due at or before `now`: what the sweep acts on, never the rest. */
  async due(now: Date, maxItems: number): Promise<DueEntry<Triage>[]> {
    const items = await queryDue(this.deps.doc, {
      tableName: this.deps.tableName,
      indexName: dueIndex.name,
      partition: dueIndex.partition,
      upTo: dueIndex.upTo(now),
      maxItems,
    });
    // Each parsed inside the sweep's per-item guard: one unreadable triage stops nothing.
    return dueEntries(items, triageFromItem);
  }

  /**
   * The triage as changed, with its audit row and its events, in one transaction, on condition
   * nobody changed it since `expectedVersion` (the first item, as retryOnLostRace expects). A lost
   * race is thrown as DynamoDB reports it (see lostRace).
   */
  async commit(
    next: Triage,
    expectedVersion: number,
    with_: { readonly audit?: AuditEntry; readonly events?: readonly Envelope[] } = {},
  ): Promise<void> {
    await this.deps.publisher.commit(
      [
        {
          Put: {
            TableName: this.deps.tableName,
            Item: triageItem(next),
            ConditionExpression: "version = :v",
            ExpressionAttributeValues: { ":v": expectedVersion },
          },
        },
        // The row outlives the triage as now stored, its TTL moved by this very change.
        ...(with_.audit
          ? [
              auditPut(this.deps.auditTableName, {
                ...with_.audit,
                expiresAt: Math.max(with_.audit.expiresAt, triageExpiresAt(next)),
              }),
            ]
          : []),
      ],
      with_.events ?? [],
    );
  }
}
