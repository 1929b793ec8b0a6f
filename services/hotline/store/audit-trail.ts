import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { batchPutAll, type TransactItem } from "../../../shared/dynamo";
import { newId } from "../../../shared/ids";
import { auditKey } from "./keys";
import type { TableDeps } from "./table";

/** Who (the token's subject) did what, when, to which triage or schedule. */
export interface AuditEntry {
  readonly subject: string;
  readonly actor: string;
  readonly action: string;
  readonly at: Date;
  readonly correlationId: string;
  /** Thinned out with what it is about. */
  readonly expiresAt: number;
}

export const auditSubject = {
  triage: (triageId: string) => `TRIAGE#${triageId}`,
  schedule: (municipality: string) => `SCHEDULE#${municipality}`,
} as const;

/** The one audit row builder. */
const auditItem = (entry: AuditEntry): Record<string, unknown> => ({
  ...auditKey(entry.subject, entry.at, newId()),
  subject: entry.subject,
  action: entry.action,
  actor: entry.actor,
  at: entry.at.toISOString(),
  correlationId: entry.correlationId,
  expiresAt: entry.expiresAt,
});

/** The row to commit in the same transaction as the change it records. */
export const auditPut = (tableName: string, entry: AuditEntry): TransactItem => ({
  Put: { TableName: tableName, Item: auditItem(entry) },
});

/** Reads are recorded before their answer leaves: what could not be audited is not shown. */
export class AuditTrail {
  constructor(private readonly deps: Pick<TableDeps, "doc" | "tableName">) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.deps.doc.send(new PutCommand({ TableName: this.deps.tableName, Item: auditItem(entry) }));
  }

  /** Throttling fails the read rather than show what was not audited. */
  async recordAll(entries: readonly AuditEntry[]): Promise<void> {
    await batchPutAll(this.deps.doc, this.deps.tableName, entries.map(auditItem));
  }
}
