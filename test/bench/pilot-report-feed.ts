/**
 * Feeding the pilot-report bench's table: through the real consumer (SQS batches as Lambda hands
 * them), or in bulk, the way the consumer's transactions would leave the items.
 */
import { BatchWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSEvent } from "aws-lambda";
import type { PilotReportsDeps } from "../../services/pilot-reports/deps";
import { incrementFor } from "../../services/pilot-reports/domain/aggregation";
import {
  COUNT_METRIC_IDS,
  HISTOGRAM_NAMES,
  type HistogramName,
} from "../../services/pilot-reports/domain/catalogue";
import { histogramMedian, type Increment } from "../../services/pilot-reports/domain/month-aggregate";
import { createHandler as createConsumer } from "../../services/pilot-reports/handlers/consumer";
import { monthItemDefaults } from "../../services/pilot-reports/store/aggregates";
import {
  aggregateKey,
  bucketAttribute,
  counterAttribute,
  histogramKey,
  medianAttribute,
  medianCountAttribute,
} from "../../services/pilot-reports/store/keys";
import { parseHistogramRecord } from "../../services/pilot-reports/store/records";
import { inboxKeys } from "../../shared/events/consumer";
import type { CatalogueEvent } from "../../shared/events/parse";
import { lambdaContext } from "./fixtures";

const pool = async <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < items.length; k = next++) {
      const item = items[k];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

/**
 * What the consumer's transactions would leave after `events`: per month item the counters summed,
 * per distribution the buckets summed (and its version moved on), then the median of the whole
 * distribution set on the month item, as the consumer sets it after each value.
 */
export const feedInBulk = async (
  deps: PilotReportsDeps,
  events: readonly CatalogueEvent[],
  writeMarks: boolean,
) => {
  const items = new Map<
    string,
    { increment: Increment; adds: Map<string, number>; buckets: Map<HistogramName, Map<string, number>> }
  >();
  for (const event of events) {
    const increment = incrementFor(event);
    if (!increment) continue;
    const key = `${increment.municipality}#${increment.month}`;
    const entry = items.get(key) ?? { increment, adds: new Map<string, number>(), buckets: new Map() };
    items.set(key, entry);
    for (const a of increment.counters.map(counterAttribute)) entry.adds.set(a, (entry.adds.get(a) ?? 0) + 1);
    for (const name of HISTOGRAM_NAMES) {
      const value = increment.histograms[name];
      if (value === undefined) continue;
      const buckets = entry.buckets.get(name) ?? new Map<string, number>();
      entry.buckets.set(name, buckets);
      const a = bucketAttribute(value);
      buckets.set(a, (buckets.get(a) ?? 0) + 1);
    }
  }
  await pool([...items.values()], 8, async ({ increment, adds, buckets }) => {
    const { municipality, month } = increment;
    const names: Record<string, string> = { "#municipality": "municipality", "#month": "month" };
    const values: Record<string, unknown> = { ":municipality": municipality, ":month": month };
    const sets = ["#municipality = :municipality", "#month = :month"];
    for (const [name, added] of buckets) {
      const histogramNames: Record<string, string> = {
        "#municipality": "municipality",
        "#month": "month",
        "#histogram": "histogram",
        "#version": "version",
      };
      const histogramValues: Record<string, unknown> = {
        ":municipality": municipality,
        ":month": month,
        ":histogram": name,
        ":zero": 0,
        ":one": 1,
      };
      const clauses = [...added].map(([attribute, n], i) => {
        histogramNames[`#b${i}`] = attribute;
        histogramValues[`:b${i}`] = n;
        return `#b${i} :b${i}`;
      });
      const { Attributes: after } = await deps.doc.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: histogramKey(municipality, month, name),
          UpdateExpression: `SET #municipality = :municipality, #month = :month, #histogram = :histogram, #version = if_not_exists(#version, :zero) + :one ADD ${clauses.join(", ")}`,
          ExpressionAttributeNames: histogramNames,
          ExpressionAttributeValues: histogramValues,
          ReturnValues: "ALL_NEW",
        }),
      );
      if (!after) throw new Error("a histogram update returned no item");
      const { median, n } = histogramMedian(parseHistogramRecord(after).buckets);
      if (median === null) throw new Error("a histogram just added to has no median");
      names[`#m_${name}`] = medianAttribute(name);
      names[`#mn_${name}`] = medianCountAttribute(name);
      values[`:m_${name}`] = median;
      values[`:mn_${name}`] = n;
      sets.push(`#m_${name} = :m_${name}`, `#mn_${name} = :mn_${name}`);
    }
    const clauses = [...adds].map(([attribute, n], i) => {
      names[`#a${i}`] = attribute;
      values[`:v${i}`] = n;
      return `#a${i} :v${i}`;
    });
    const defaults = monthItemDefaults({
      counters: COUNT_METRIC_IDS.filter((id) => adds.has(counterAttribute(id))),
      histograms: [...buckets.keys()],
    });
    Object.assign(names, defaults.names);
    Object.assign(values, defaults.values);
    sets.push(...defaults.sets);
    await deps.doc.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: aggregateKey(municipality, month),
        UpdateExpression: `SET ${sets.join(", ")}${clauses.length > 0 ? ` ADD ${clauses.join(", ")}` : ""}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  });
  if (!writeMarks) return;
  const expiresAt = Math.floor(Date.now() / 1000) + 15 * 86_400;
  const batches: CatalogueEvent[][] = [];
  for (let i = 0; i < events.length; i += 25) batches.push(events.slice(i, i + 25));
  await pool(batches, 8, async (batch) => {
    let requests: { PutRequest: { Item: Record<string, unknown> } }[] = batch.map((e) => ({
      PutRequest: { Item: { ...inboxKeys.row(e.id), eventType: e.type, expiresAt } },
    }));
    while (requests.length > 0) {
      const result = await deps.doc.send(
        new BatchWriteCommand({ RequestItems: { [deps.tableName]: requests } }),
      );
      const unprocessed = result.UnprocessedItems?.[deps.tableName] ?? [];
      requests = unprocessed.flatMap((r) =>
        r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
      );
    }
  });
};

export const feedThroughConsumer = async (deps: PilotReportsDeps, events: readonly CatalogueEvent[]) => {
  const consume = createConsumer(deps);
  const batches: CatalogueEvent[][] = [];
  for (let i = 0; i < events.length; i += 10) batches.push(events.slice(i, i + 10));
  let failed = 0;
  await pool(batches, 4, async (batch) => {
    const event: SQSEvent = {
      Records: batch.map((e) => ({
        messageId: e.id,
        receiptHandle: e.id,
        body: JSON.stringify(e),
        attributes: {
          ApproximateReceiveCount: "1",
          SentTimestamp: String(Date.now()),
          SenderId: "bench",
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: "",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:eu-north-1:123456789012:pilot-reports",
        awsRegion: "eu-north-1",
      })),
    };
    const response = await consume(event, lambdaContext("pilot-reports-consumer", e0(batch)));
    failed += response.batchItemFailures.length;
  });
  if (failed > 0) throw new Error(`${failed} events failed in the consumer`);
};
const e0 = (batch: readonly CatalogueEvent[]) => batch[0]?.id ?? "batch";
