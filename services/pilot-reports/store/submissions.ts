import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { auditKey, auditPut } from "../../../shared/audit-trail";
import { newId } from "../../../shared/ids";
import { builtOnFirstUse } from "../../../shared/lazy";
import { parseStored } from "../../../shared/stored-item";
import type { Submission, SubmissionAuditFact } from "../domain/submission";
import {
  auditSubject,
  submissionKey,
  submissionRange,
  submissionVersionKey,
  submissionVersionsPrefix,
} from "./keys";
import type { TableDeps } from "./table";

/**
 * A submission as stored, the current one and each version alike. Figures are kept as submitted,
 * by metric id; one of a metric retired since stays stored and is not reported. Built on the first
 * item read, not as a function loads: a municipality whose cases are in this system submits
 * nothing, so a report of it reads no submission and never builds it; nor does a month's first.
 */
const buildSubmissionRecordSchema = () =>
  z.object({
    pk: z.string().check(z.regex(/^SUB#\d{4}$/)),
    sk: z.string().check(z.regex(/^(MONTH#\d{4}-\d{2}|VERSION#\d{4}-\d{2}#\d{6})$/)),
    municipality: z.string().check(z.regex(/^\d{4}$/)),
    month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
    version: z.number().check(z.int(), z.positive()),
    // z.number() refuses Infinity and NaN by itself (what classic zod's `.finite()` said).
    figures: z.record(z.string(), z.number().check(z.nonnegative())),
    source: z.string().check(z.minLength(1)),
    note: z.optional(z.string()),
    submittedBy: z.string().check(z.minLength(1)),
    submittedAt: z.iso.datetime({ offset: true }),
  });
const submissionRecordSchema = builtOnFirstUse(buildSubmissionRecordSchema);

const parseSubmission = (item: Record<string, unknown>): Submission => {
  const { pk: _pk, sk: _sk, note, ...submission } = parseStored(submissionRecordSchema(), item, "submission");
  return { ...submission, ...(note === undefined ? {} : { note }) };
};

const attributes = (submission: Submission) => ({
  municipality: submission.municipality,
  month: submission.month,
  version: submission.version,
  figures: submission.figures,
  source: submission.source,
  ...(submission.note === undefined ? {} : { note: submission.note }),
  submittedBy: submission.submittedBy,
  submittedAt: submission.submittedAt,
});

/** The month's current submission, read consistently: a replacement is conditioned on its version. */
export const readSubmission = async (
  deps: TableDeps,
  municipality: string,
  month: string,
): Promise<Submission | undefined> => {
  const { Item: item } = await deps.doc.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: submissionKey(municipality, month),
      ConsistentRead: true,
    }),
  );
  return item ? parseSubmission(item) : undefined;
};

const queryAll = async (deps: TableDeps, input: { condition: string; values: Record<string, string> }) => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: input.condition,
        ExpressionAttributeValues: input.values,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** One Query: the current submission of each month from `from` to `to` that has one, by month. */
export const readSubmissions = async (
  deps: TableDeps,
  municipality: string,
  from: string,
  to: string,
): Promise<Submission[]> => {
  const range = submissionRange(municipality, from, to);
  const items = await queryAll(deps, {
    condition: "pk = :pk AND sk BETWEEN :from AND :to",
    values: { ":pk": range.pk, ":from": range.from, ":to": range.to },
  });
  return items.map(parseSubmission);
};

/** Every version of one month's submission, oldest first. */
export const readSubmissionHistory = async (
  deps: TableDeps,
  municipality: string,
  month: string,
): Promise<Submission[]> => {
  const { pk, prefix } = submissionVersionsPrefix(municipality, month);
  const items = await queryAll(deps, {
    condition: "pk = :pk AND begins_with(sk, :prefix)",
    values: { ":pk": pk, ":prefix": prefix },
  });
  return items.map(parseSubmission);
};

/**
 * One transaction: the month's current item (first, on condition that it is still the version
 * read, so a lost race is told apart from any other failure), the new version beside the earlier
 * ones, and the audit row.
 */
export const commitSubmission = async (
  deps: TableDeps,
  submission: Submission,
  replaces: number,
  audit: SubmissionAuditFact,
  correlationId: string,
): Promise<void> => {
  const { municipality, month, version } = submission;
  await deps.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...submissionKey(municipality, month), ...attributes(submission) },
            ...(replaces === 0
              ? { ConditionExpression: "attribute_not_exists(pk)" }
              : {
                  ConditionExpression: "#version = :read",
                  ExpressionAttributeNames: { "#version": "version" },
                  ExpressionAttributeValues: { ":read": replaces },
                }),
          },
        },
        {
          Put: {
            TableName: deps.tableName,
            Item: { ...submissionVersionKey(municipality, month, version), ...attributes(submission) },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        // Apart from the figures, append-only; kept as long as the submissions (no TTL: they
        // hold no personal data and are never deleted, docs/retention.md).
        auditPut(deps.auditTableName, {
          key: auditKey("pilot-reports", auditSubject(municipality), audit.at, newId()),
          municipality,
          attributes: { ...audit, correlationId },
          expiresAt: undefined,
        }),
      ],
    }),
  );
};
