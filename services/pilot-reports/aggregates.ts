import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { TransactItem } from "../../shared/dynamo";
import type { Increment, MonthAggregate } from "./aggregation";
import { aggregateKey, aggregateRange, bucketAttribute, counterAttribute } from "./keys";
import { parseAggregateRecord } from "./records";

/**
 * The write for one event's increment: ADD on the month's item, which creates the item and each
 * attribute on first use. It goes into the consumer's transaction beside the event's dedupe mark,
 * so a redelivered event adds nothing.
 */
export const incrementWrite = (tableName: string, increment: Increment): TransactItem => {
  const names: Record<string, string> = { "#municipality": "municipality", "#month": "month" };
  const adds: string[] = [];
  const attributes = [
    ...increment.counters.map(counterAttribute),
    ...Object.entries(increment.histograms).map(([histogram, value]) => bucketAttribute(histogram, value)),
  ];
  attributes.forEach((attribute, i) => {
    names[`#a${i}`] = attribute;
    adds.push(`#a${i} :one`);
  });
  return {
    Update: {
      TableName: tableName,
      Key: aggregateKey(increment.municipality, increment.month),
      UpdateExpression: `SET #municipality = :municipality, #month = :month ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: {
        ":one": 1,
        ":municipality": increment.municipality,
        ":month": increment.month,
      },
    },
  };
};

/** One Query: the municipality's months from `from` to `to`, by month. Months with no item are absent. */
export const readAggregates = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  municipality: string,
  from: string,
  to: string,
): Promise<Map<string, MonthAggregate>> => {
  const range = aggregateRange(municipality, from, to);
  const result = new Map<string, MonthAggregate>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": range.pk, ":from": range.from, ":to": range.to },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const stored = parseAggregateRecord(item);
      result.set(stored.month, stored.aggregate);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return result;
};
