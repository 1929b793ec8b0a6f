/** Reading single items of the intake table, strongly consistent, each validated on the way out. */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { epochSeconds } from "../../../shared/dynamo";
import type { OpenCase } from "../domain/receipt";
import type { LinkRow, Referral, SourceType } from "../domain/referral";
import type { Unit } from "../domain/routing";
import { idempotencyKey, linksPartition, openInUnitKey, referralKey, sourceKey } from "./keys";
import {
  idempotencyRecordSchema,
  linkRecordSchema,
  openInUnitRecordSchema,
  parseReferral,
  parseStored,
  sourceRecordSchema,
} from "./records";

/** The table a service instance works on. */
export interface IntakeTable {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** One item by its key, as DynamoDB has it (parse it with its schema). */
export const readItem = async (
  table: IntakeTable,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> => {
  const out = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }),
  );
  return out.Item;
};

export const readReferral = async (table: IntakeTable, id: string): Promise<Referral | undefined> =>
  parseReferral(await readItem(table, referralKey(id)));

/** The referral a source row names; a row naming nothing is our bug. */
export const readReferralNamed = async (table: IntakeTable, id: string): Promise<Referral> => {
  const referral = await readReferral(table, id);
  if (!referral) throw new Error("a row names a referral that does not exist");
  return referral;
};

/** The referral a source made, if any, and whether the source was withdrawn before it arrived. */
export const readSource = async (table: IntakeTable, type: SourceType, id: string, purpose = "main") =>
  parseStored(sourceRecordSchema, await readItem(table, sourceKey(type, id, purpose)), "source");

/** The person's open case in a unit, by the keyed hash of their number: the row, and the referral it names. */
export const readOpenCase = async (
  table: IntakeTable,
  municipality: string,
  unit: Unit,
  subjectRef: string,
): Promise<OpenCase> => {
  const row = parseStored(
    openInUnitRecordSchema,
    await readItem(table, openInUnitKey(municipality, unit, subjectRef)),
    "open-in-unit row",
  );
  if (!row) return {};
  const referral = await readReferral(table, row.referralId);
  return { namedReferralId: row.referralId, ...(referral ? { referral } : {}) };
};

/**
 * What an Idempotency-Key (as its keyed hash) already made, and the hash of the request that made
 * it; a row whose 30 days have passed counts as gone, whether or not the TTL has deleted it yet.
 */
export const readIdempotency = async (table: IntakeTable, keyHash: string, now: Date) => {
  const row = parseStored(
    idempotencyRecordSchema,
    await readItem(table, idempotencyKey(keyHash)),
    "idempotency row",
  );
  return row && (row.expiresAt === undefined || row.expiresAt > epochSeconds(now)) ? row : undefined;
};

/** The referrals linked to an open one, oldest first (a referral has a handful, not thousands). */
export const readLinks = async (table: IntakeTable, openReferralId: string): Promise<LinkRow[]> => {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: "pk = :p",
      ExpressionAttributeValues: { ":p": linksPartition(openReferralId) },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? [])
    .flatMap((item) => parseStored(linkRecordSchema, item, "link row") ?? [])
    .map((row) => ({ openReferralId, ...row }))
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
};
