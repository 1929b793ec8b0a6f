import {
  type AuditRow,
  auditPut as appendOnlyPut,
  auditKey,
  putAuditRows,
} from "../../../shared/audit-trail";
import type { TransactItem } from "../../../shared/dynamo";
import { newId } from "../../../shared/ids";
import { auditExpiresAfter } from "../domain/retention";
import type { TableDeps } from "./table";

/** Who (the token's subject) did what, when, to which triage or schedule. */
export interface AuditEntry {
  readonly subject: string;
  /** The triage's or schedule's municipality: who reads the trail once the record is gone. */
  readonly municipality: string;
  readonly actor: string;
  readonly action: string;
  readonly at: Date;
  readonly correlationId: string;
  /** When the record it is about expires (epoch seconds): the row outlives it (domain/retention.ts). */
  readonly expiresAt: number;
}

export const auditSubject = {
  triage: (triageId: string) => `TRIAGE#${triageId}`,
  schedule: (municipality: string) => `SCHEDULE#${municipality}`,
} as const;

/** The one audit row builder: in the audit table, under the hotline's prefix and the subject. */
const auditRow = (entry: AuditEntry): AuditRow => ({
  key: auditKey("hotline", entry.subject, entry.at, newId()),
  municipality: entry.municipality,
  attributes: {
    subject: entry.subject,
    action: entry.action,
    actor: entry.actor,
    at: entry.at.toISOString(),
    correlationId: entry.correlationId,
  },
  expiresAt: auditExpiresAfter(entry.expiresAt),
});

/** The row to commit in the same transaction as the change it records. */
export const auditPut = (auditTableName: string, entry: AuditEntry): TransactItem =>
  appendOnlyPut(auditTableName, auditRow(entry));

/** Reads are recorded before their answer leaves: what could not be audited is not shown. */
export class AuditTrail {
  constructor(private readonly deps: Pick<TableDeps, "doc" | "auditTableName">) {}

  async record(entry: AuditEntry): Promise<void> {
    await putAuditRows(this.deps, [auditRow(entry)]);
  }

  /** Throttling fails the read rather than show what was not audited. */
  async recordAll(entries: readonly AuditEntry[]): Promise<void> {
    await putAuditRows(this.deps, entries.map(auditRow));
  }
}
