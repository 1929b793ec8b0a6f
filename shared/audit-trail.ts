/**
 * The audit table, as every service's store uses it: rows are only ever added, on a key nobody has
 * used (the condition below), inside the transaction that commits the state change they record or,
 * for reads, on their own before the answer leaves. Services may not update or delete a row (the
 * IAM policy in infra/constructs/bind.ts has no such action), and each reads only its own rows,
 * under its `<service>#` partition prefix. Rows carry no personal data: ids, actions, actors, and
 * the municipality (kommunkod) whose record they audit, so that its auditors can still read the
 * trail after the record itself has expired (the rows are kept longer on purpose, docs/retention.md).
 * Reading it is shared/audit-read.ts.
 */

import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { TransactItem } from "./dynamo";
import { auditPartitionPrefix, type ServiceName } from "./resources";
import { epochSecondsOf } from "./retention";

export interface AuditTableDeps {
  readonly doc: DynamoDBDocumentClient;
  readonly auditTableName: string;
}

/** The partition of one subject's trail (a referral, a triage, a notice): prefixed by its service. */
export const auditPartition = (service: ServiceName, subject: string): string =>
  `${auditPartitionPrefix(service)}${subject}`;

/** Rows sort by time, then by `id` (which the caller makes unique, monotonic where order matters). */
export const auditKey = (service: ServiceName, subject: string, at: Date | string, id: string) => ({
  pk: auditPartition(service, subject),
  sk: `${typeof at === "string" ? at : at.toISOString()}#${id}`,
});

export interface AuditRow {
  readonly key: { readonly pk: string; readonly sk: string };
  /** What the service records (never personal data); `pk`, `sk` and `expiresAt` are set here. */
  readonly attributes: Record<string, unknown>;
  /**
   * The kommunkod of the record audited (not personal data): who may read the trail once the record
   * is gone. Rows written before it was recorded have none; they are readable only with the record.
   */
  readonly municipality: string;
  /** Undefined: the record it audits is kept for good, so is the row. */
  readonly expiresAt: Date | undefined;
}

const item = (row: AuditRow): Record<string, unknown> => ({
  ...row.attributes,
  municipality: row.municipality,
  ...row.key,
  ...(row.expiresAt ? { expiresAt: epochSecondsOf(row.expiresAt) } : {}),
});

/** The row as one item of the transaction that commits the change it records. */
export const auditPut = (auditTableName: string, row: AuditRow): TransactItem => ({
  Put: {
    TableName: auditTableName,
    Item: item(row),
    // Append-only: a row's key is never written twice, so no row can be overwritten either.
    ConditionExpression: "attribute_not_exists(pk)",
  },
});

/** DynamoDB's limit on the items of one transaction. */
const TRANSACTION_LIMIT = 100;

/**
 * Rows for reads, which change nothing else: written before the answer leaves, so what could not
 * be audited is not shown. Conditional puts in transactions of up to 100 (BatchWriteItem would
 * need a permission that also deletes).
 */
export const putAuditRows = async (deps: AuditTableDeps, rows: readonly AuditRow[]): Promise<void> => {
  for (let start = 0; start < rows.length; start += TRANSACTION_LIMIT) {
    const chunk = rows.slice(start, start + TRANSACTION_LIMIT);
    await deps.doc.send(
      new TransactWriteCommand({ TransactItems: chunk.map((row) => auditPut(deps.auditTableName, row)) }),
    );
  }
};

// ---------------------------------------------------------------------------------------------
// Reading a trail: filters by the person acting and the period, and the query fields that ask for them

/** One row by its key (tests and support tools read what was written). */
export const getAuditRow = async (
  deps: AuditTableDeps,
  key: { readonly pk: string; readonly sk: string },
): Promise<Record<string, unknown> | undefined> =>
  (await deps.doc.send(new GetCommand({ TableName: deps.auditTableName, Key: key, ConsistentRead: true })))
    .Item;
