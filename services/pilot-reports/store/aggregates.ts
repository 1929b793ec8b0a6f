import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { TransactItem } from "../../../shared/dynamo";
import { COUNT_METRIC_IDS, HISTOGRAM_NAMES, type HistogramName } from "../domain/catalogue";
import {
  emptyHistogram,
  type HistogramChange,
  type HistogramState,
  type HistogramsRead,
  histogramValues,
  type Increment,
  type MonthAggregate,
} from "../domain/month-aggregate";
import {
  aggregateKey,
  aggregateRange,
  bucketAttribute,
  counterAttribute,
  histogramKey,
  medianAttribute,
  medianCountAttribute,
} from "./keys";
import { parseAggregateRecord, parseHistogramRecord } from "./records";

/**
 * The distributions an increment adds to, as they stand: consistent reads, since the new median is
 * worked out from them and the write is conditioned on the version read.
 */
export const readHistograms = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  increment: Increment,
): Promise<HistogramsRead> => {
  const read: Partial<Record<HistogramName, HistogramState>> = {};
  for (const [name] of histogramValues(increment)) {
    const { Item: item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: histogramKey(increment.municipality, increment.month, name),
        ConsistentRead: true,
      }),
    );
    read[name] = item ? parseHistogramRecord(item) : emptyHistogram();
  }
  return read;
};

/**
 * SET clauses that give each figure a write does not touch its empty value where the month item
 * lacks it: 0, or a null median over 0 values. Every month item then holds the same attributes from
 * its first write on, so what a report reads is fixed by municipalities × months, not by which
 * figures the events so far happened to touch.
 */
export const monthItemDefaults = (touched: {
  readonly counters: readonly string[];
  readonly histograms: readonly HistogramName[];
}): { sets: string[]; names: Record<string, string>; values: Record<string, unknown> } => {
  const attributes = [
    ...COUNT_METRIC_IDS.filter((id) => !touched.counters.includes(id)).map((id): [string, string] => [
      counterAttribute(id),
      ":zero",
    ]),
    ...HISTOGRAM_NAMES.filter((name) => !touched.histograms.includes(name)).flatMap(
      (name): [string, string][] => [
        [medianAttribute(name), ":null"],
        [medianCountAttribute(name), ":zero"],
      ],
    ),
  ];
  const names: Record<string, string> = {};
  const sets = attributes.map(([attribute, empty], i) => {
    names[`#d${i}`] = attribute;
    return `#d${i} = if_not_exists(#d${i}, ${empty})`;
  });
  // DynamoDB refuses a value the expression does not use.
  const empties: Record<string, unknown> = { ":zero": 0, ":null": null };
  const values = Object.fromEntries(
    Object.entries(empties).filter(([placeholder]) => attributes.some(([, empty]) => empty === placeholder)),
  );
  return { sets, names, values };
};

/**
 * The writes for one event's increment, with the medians the domain worked out from the
 * distributions as read (`histogramChanges`). They go into the consumer's transaction beside the
 * event's dedupe mark, so a redelivered event adds nothing.
 *
 * - The month item: ADD to each counter (which creates the item and the attribute on first use,
 *   and commutes with every other event's counters), SET each touched median with the number of
 *   values it is over, and give every other figure its empty value if it has none yet.
 * - Each distribution's own item: ADD to the value's bucket and move the version on, on condition
 *   that it is still the version read. A writer that added to it since cancels this transaction,
 *   so the median SET beside it is never worked out from a stale distribution; the consumer then
 *   reads again and retries.
 */
export const incrementWrites = (
  tableName: string,
  increment: Increment,
  changes: readonly HistogramChange[],
): TransactItem[] => {
  const { municipality, month } = increment;
  const names: Record<string, string> = { "#municipality": "municipality", "#month": "month" };
  const values: Record<string, unknown> = { ":one": 1, ":municipality": municipality, ":month": month };
  const sets = ["#municipality = :municipality", "#month = :month"];
  const adds = increment.counters.map((metricId, i) => {
    names[`#c${i}`] = counterAttribute(metricId);
    return `#c${i} :one`;
  });
  const histogramWrites = changes.map(({ name, value, readVersion, after }, i): TransactItem => {
    const { median, n } = after;
    names[`#m${i}`] = medianAttribute(name);
    names[`#mn${i}`] = medianCountAttribute(name);
    values[`:m${i}`] = median;
    values[`:mn${i}`] = n;
    sets.push(`#m${i} = :m${i}`, `#mn${i} = :mn${i}`);
    return {
      Update: {
        TableName: tableName,
        Key: histogramKey(municipality, month, name),
        UpdateExpression:
          "SET #municipality = :municipality, #month = :month, #histogram = :histogram, #version = :next ADD #bucket :one",
        ConditionExpression: readVersion === 0 ? "attribute_not_exists(pk)" : "#version = :read",
        ExpressionAttributeNames: {
          "#municipality": "municipality",
          "#month": "month",
          "#histogram": "histogram",
          "#version": "version",
          "#bucket": bucketAttribute(value),
        },
        ExpressionAttributeValues: {
          ":municipality": municipality,
          ":month": month,
          ":histogram": name,
          ":next": readVersion + 1,
          ":one": 1,
          ...(readVersion === 0 ? {} : { ":read": readVersion }),
        },
      },
    };
  });
  const defaults = monthItemDefaults({
    counters: increment.counters,
    histograms: changes.map(({ name }) => name),
  });
  Object.assign(names, defaults.names);
  Object.assign(values, defaults.values);
  const expression = [
    `SET ${[...sets, ...defaults.sets].join(", ")}`,
    ...(adds.length > 0 ? [`ADD ${adds.join(", ")}`] : []),
  ].join(" ");
  return [
    {
      Update: {
        TableName: tableName,
        Key: aggregateKey(municipality, month),
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...histogramWrites,
  ];
};

/**
 * One Query: the municipality's months from `from` to `to`, by month. Months with no item are
 * absent. The distributions live under another partition key, so however many values they hold,
 * this reads the same items and attributes.
 */
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

/**
 * The first month the system recorded an event of the municipality's in: its earliest month item
 * (one item read; month items are never deleted). Undefined when it has recorded none.
 */
export const readFirstMonth = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  municipality: string,
): Promise<string | undefined> => {
  const range = aggregateRange(municipality, "0000-01", "9999-12");
  const { Items: items = [] } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":pk": range.pk, ":from": range.from, ":to": range.to },
      ScanIndexForward: true,
      Limit: 1,
    }),
  );
  const first = items[0];
  return first ? parseAggregateRecord(first).month : undefined;
};
