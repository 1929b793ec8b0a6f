/** A referral's or a task's trail in the audit table, for GET /v1/audit (shared/audit-read.ts). */

import { GetCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import {
  type AuditEntryPage,
  type AuditTrailFilter,
  readAuditEntries,
  trailAccess,
} from "../../../shared/audit-read";
import { type AuditTableDeps, auditPartition } from "../../../shared/audit-trail";
import { parseStored } from "../../../shared/stored-item";
import { auditSubject, referralKey, taskAuditSubject, taskKey } from "./keys";
import type { IntakeTable } from "./table";

export type { AuditEntry } from "../../../shared/audit-read";

/** Whose trail: a referral's, or a task's (store/tasks.ts), beside each other in the audit table. */
export type AuditTrailSubject = { readonly referral: string } | { readonly task: string };

const trailPartition = (subject: AuditTrailSubject): string =>
  auditPartition(
    "intake",
    "referral" in subject ? auditSubject(subject.referral) : taskAuditSubject(subject.task),
  );

const ownerSchema = z.object({ municipality: z.string() });

/**
 * Whose the referral or the task is while it exists: its municipality, read alone. The trail needs
 * nothing else of it, and reading no more spares this function the records' schemas.
 */
export const readTrailOwner = async (
  table: IntakeTable,
  subject: AuditTrailSubject,
): Promise<{ municipality: string } | undefined> => {
  const out = await table.doc.send(
    new GetCommand({
      TableName: table.tableName,
      Key: "referral" in subject ? referralKey(subject.referral) : taskKey(subject.task),
      ProjectionExpression: "#m",
      ExpressionAttributeNames: { "#m": "municipality" },
      ConsistentRead: true,
    }),
  );
  return parseStored(ownerSchema, out.Item, "trail's owner");
};

/** Which of the trail's rows `municipality` reads, from the record or, once it is gone, the rows. */
export const auditTrailAccess = (
  table: AuditTableDeps,
  subject: AuditTrailSubject,
  municipality: string,
  record: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> =>
  trailAccess(table, trailPartition(subject), municipality, record);

/** Who read or changed the referral or the task, oldest first, from the audit table. */
export const readAuditTrail = (
  table: AuditTableDeps,
  subject: AuditTrailSubject,
  request: {
    readonly limit: number;
    readonly cursor?: string | undefined;
    readonly filter?: AuditTrailFilter;
  },
): Promise<AuditEntryPage> =>
  readAuditEntries(table, trailPartition(subject), {
    limit: request.limit,
    cursor: request.cursor,
    filter: request.filter ?? {},
  });
