import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import {
  type AuditEntryPage,
  type AuditTrailFilter,
  readAuditEntries,
  trailAccess,
} from "../../../shared/audit-read";
import { type AuditTableDeps, auditPartition } from "../../../shared/audit-trail";
import { auditSubjectKey, noticeKey } from "./keys";

const municipalityOnlySchema = z.object({ municipality: z.string() });

/**
 * The municipality of a notice still stored, or "gone": all the trail's access needs. Only that
 * attribute is read, so the auditor's function neither reads the notice's personal data nor
 * builds the notice's item schema (notice-item.ts) as it loads.
 */
export const storedNoticeMunicipality = async (
  deps: { readonly doc: DynamoDBDocumentClient; readonly tableName: string },
  noticeId: string,
): Promise<{ readonly municipality: string } | "gone"> => {
  const out = await deps.doc.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: noticeKey(noticeId),
      ProjectionExpression: "#municipality",
      ExpressionAttributeNames: { "#municipality": "municipality" },
      ConsistentRead: true,
    }),
  );
  if (!out.Item) return "gone";
  const parsed = municipalityOnlySchema.safeParse(out.Item);
  // A stored notice without its municipality is our bug, not the caller's: fail loudly.
  if (!parsed.success) throw new Error("stored notice has no municipality");
  return parsed.data;
};

/** One page of a notice's trail from the audit table, filtered (shared/audit-read.ts). */
export const readNoticeAuditTrail = (
  deps: AuditTableDeps,
  noticeId: string,
  request: {
    readonly limit: number;
    readonly cursor?: string | undefined;
    readonly filter: AuditTrailFilter;
  },
): Promise<AuditEntryPage> =>
  readAuditEntries(deps, auditPartition("release-notices", auditSubjectKey(noticeId)), request);

/** Which rows of the notice's trail `municipality` reads: the notice decides, or its rows once it is gone. */
export const noticeAuditAccess = (
  deps: AuditTableDeps,
  noticeId: string,
  municipality: string,
  notice: { readonly municipality: string } | "gone",
): Promise<Pick<AuditTrailFilter, "municipality"> | undefined> =>
  trailAccess(deps, auditPartition("release-notices", auditSubjectKey(noticeId)), municipality, notice);
