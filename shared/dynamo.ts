import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

export const documentClient = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

/** DynamoDB's TTL works in epoch seconds. */
export const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** Which items of a cancelled transaction failed their condition (by index). */
export const failedConditions = (error: unknown): number[] | undefined => {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).flatMap((reason, index) =>
    reason.Code === "ConditionalCheckFailed" ? [index] : [],
  );
};

/** Opaque pagination cursor: the LastEvaluatedKey, base64url. Keys hold no personal data. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key), "utf8").toString("base64url") : undefined;

export const decodeCursor = (cursor: string | undefined): Record<string, string> | undefined => {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      parsed !== null &&
      typeof parsed === "object" &&
      !Array.isArray(parsed) &&
      Object.values(parsed).every((v) => typeof v === "string")
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // fall through: a cursor we cannot read is a bad request, not a crash
  }
  return undefined;
};

/**
 * The items of a sparse "due" index whose sort key is at or below `upTo`: what a sweep must act
 * on. It reads only what is due, never the rest of the table, and stops at `maxItems` so one run
 * stays bounded (the next run takes the remainder).
 */
export const queryDue = async (
  doc: DynamoDBDocumentClient,
  options: { tableName: string; indexName: string; partition: string; upTo: string; maxItems: number },
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: options.tableName,
        IndexName: options.indexName,
        KeyConditionExpression: "gsi1pk = :p AND gsi1sk <= :upTo",
        ExpressionAttributeValues: { ":p": options.partition, ":upTo": options.upTo },
        ExclusiveStartKey: startKey,
        Limit: Math.min(100, options.maxItems - items.length),
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey && items.length < options.maxItems);
  return items;
};

/**
 * Puts every item, 25 to a request, retrying what DynamoDB leaves unprocessed with backoff. It
 * throws after repeated throttling: for audit rows, failing the request beats answering without
 * the record of who read what.
 */
export const batchPutAll = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
): Promise<void> => {
  type Request = { PutRequest: { Item: Record<string, unknown> } };
  let pending: Request[] = items.map((Item) => ({ PutRequest: { Item } }));
  let retries = 0;
  while (pending.length > 0) {
    const out = await doc.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: pending.slice(0, 25) } }),
    );
    const unprocessed = (out.UnprocessedItems?.[tableName] ?? []) as Request[];
    pending = [...pending.slice(25), ...unprocessed];
    if (unprocessed.length === 0) continue;
    retries += 1;
    if (retries > 5) throw new Error("items could not be written: throttled");
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** retries));
  }
};

/**
 * The start key a cursor resumes from, accepted only when it is a key of this very listing: the
 * attributes named and no others, with the fixed ones (its partition, its item type) as given.
 * Anything else would fail inside DynamoDB or start reading another municipality's partition.
 */
export const resumeKey = (
  cursor: string | undefined,
  listing: { readonly attributes: readonly string[]; readonly fixed: Readonly<Record<string, string>> },
): { ok: true; key: Record<string, string> | undefined } | { ok: false } => {
  if (cursor === undefined) return { ok: true, key: undefined };
  const key = decodeCursor(cursor);
  const ours =
    key !== undefined &&
    Object.keys(key).sort().join() === [...listing.attributes].sort().join() &&
    Object.entries(listing.fixed).every(([name, value]) => key[name] === value);
  return ours ? { ok: true, key } : { ok: false };
};

/**
 * One page of a query with a filter: DynamoDB applies `Limit` before the filter, so a page can
 * come back short while more matches lie beyond it. This reads on until the page is full or the
 * index ends, and returns where to resume.
 */
export const queryPage = async (
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, "Limit" | "ExclusiveStartKey">,
  page: { readonly limit: number; readonly startKey: Record<string, unknown> | undefined },
): Promise<{ items: Record<string, unknown>[]; lastKey: Record<string, unknown> | undefined }> => {
  const items: Record<string, unknown>[] = [];
  let startKey = page.startKey;
  let lastKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({ ...input, Limit: page.limit - items.length, ExclusiveStartKey: startKey }),
    );
    items.push(...(out.Items ?? []));
    lastKey = out.LastEvaluatedKey;
    startKey = lastKey;
  } while (lastKey && items.length < page.limit);
  return { items, lastKey };
};
