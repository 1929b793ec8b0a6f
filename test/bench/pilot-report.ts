/**
 * The pilot report's latency as events accumulate: `GET /v1/reports/pilot` for the six pilot
 * municipalities over 12 months, through the report's Lambda handler against DynamoDB Local, with
 * 10,000 and then 100,000 events consumed, in the same run. The report reads one item per
 * municipality and month, so its cost should not grow with the events.
 *
 * Feeding: the first events go through the real consumer (SQS batches of 10, four at once, so
 * they race on month items and retry: dedupe mark, counters, median and bucket in one transaction).
 * The rest are fed the way the consumer would leave them, in bulk: the same `incrementFor` per
 * event, buckets summed and added with one UpdateItem per distribution item, then counters summed
 * and added, with the medians of the whole distributions set, in one UpdateItem per month item.
 * The consumer's dedupe marks live in partitions of their own (`INBOX#<event id>`) that the report
 * never reads; writing one per bulk event takes DynamoDB Local about 50 s for 90,000, so they are
 * written only with `{ writeMarks: true }`. Prints figures only; asserts nothing about them.
 *
 * The distributions behind the medians grow with the distinct values seen (lead days 0..~200,
 * hours 0..~40 per month) and fill between 10,000 and 100,000 events; they are items of their own
 * under another partition key, and the month items the report reads hold each median and its count
 * only; every month item holds every figure from its first write on (0 or a null median until
 * touched). The `attributes read` column counts what the report's Queries return (every attribute
 * but the keys), beside the latency: it must be the same at both stages.
 */

import { Logger } from "@aws-lambda-powertools/logger";
import { BatchWriteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, SQSEvent } from "aws-lambda";
import { ulid } from "ulid";
import { localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { monthItemDefaults } from "../../services/pilot-reports/aggregates";
import { histogramMedian, type Increment, incrementFor } from "../../services/pilot-reports/aggregation";
import { createDeps, type PilotReportsDeps } from "../../services/pilot-reports/deps";
import { createHandler as createConsumer } from "../../services/pilot-reports/handlers/consumer";
import { createHandler as createReport } from "../../services/pilot-reports/handlers/report";
import {
  aggregateKey,
  aggregateRange,
  bucketAttribute,
  counterAttribute,
  histogramKey,
  medianAttribute,
  medianCountAttribute,
} from "../../services/pilot-reports/keys";
import { COUNT_METRIC_IDS, HISTOGRAM_NAMES, type HistogramName } from "../../services/pilot-reports/metrics";
import { parseHistogramRecord } from "../../services/pilot-reports/records";
import { systemClock } from "../../shared/clock";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  referralAssessed,
  referralReceived,
  releaseNoticeReceived,
  releasePlanReady,
} from "../../shared/events/catalogue";
import { AGE_GROUPS, REFERRAL_KINDS } from "../../shared/events/catalogue/intake";
import { inboxKeys } from "../../shared/events/consumer";
import { newEvent } from "../../shared/events/outbox";
import type { CatalogueEvent } from "../../shared/events/parse";
import { PILOT_MUNICIPALITIES } from "../../shared/municipalities";
import { TABLES } from "../../shared/resources";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { lambdaContext } from "./fixtures";
import { compare } from "./pool";
import { startServers } from "./servers-client";
import { ms, table } from "./stats";
import type { Workload } from "./workloads";

const FROM = "2025-07";
const TO = "2026-06";
/** Events of the first stage that go through the real consumer, one SQS batch of 10 at a time. */
const THROUGH_CONSUMER = 1_000;
export interface PilotReportBenchOptions {
  /** Measured requests per format and stage (default 200). */
  readonly requests?: number;
  readonly warmup?: number;
  /** Also write one dedupe mark per bulk-fed event, as the consumer would (default false; slow). */
  readonly writeMarks?: boolean;
  /** Events consumed at each measurement, ascending (default 10,000 and 100,000). */
  readonly stages?: readonly number[];
}
/** Two municipalities outside the pilot share the table, as they would. */
const MUNICIPALITIES = [...PILOT_MUNICIPALITIES, "0127", "0180"];
const KEY_ATTRIBUTES = new Set(["pk", "sk", "municipality", "month"]);
const SUBJECT_REF = "3fb077b287409b6ca881a40c3ad618e3d3a6ab89a09740a7a93713f82b5da1b6";
const SEALED = "v1.dev.c2FtcGxlLWl2LTEy.c2FtcGxlIHNlYWxlZCBpZGVudGl0eSwgbm90IGEgcmVhbCBvbmU6IGQ";

const progress = (message: string) =>
  process.stderr.write(`[${(performance.now() / 1000).toFixed(1)} s] pilot-report: ${message}\n`);

/** A deterministic pseudo-random sequence, so two runs feed the same events. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

const YEAR_START = Date.parse("2025-06-30T22:00:00Z");
const YEAR_MS = 365 * 86_400_000;

/** Event i of the stream: every counted type, and one the report skips, over the year and municipalities. */
const eventAt = (i: number, next: () => number): CatalogueEvent => {
  const municipality = MUNICIPALITIES[Math.floor(next() * MUNICIPALITIES.length)] ?? "0880";
  const at = new Date(YEAR_START + Math.floor(next() * YEAR_MS));
  const iso = at.toISOString();
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();
  const base = { municipality, correlationId: `bench-${i}`, occurredAt: at };
  const id = `b${i}`;
  switch (i % 8) {
    case 0:
      return newEvent(referralReceived, {
        ...base,
        source: "intake",
        data: {
          referralId: id,
          kind: REFERRAL_KINDS[Math.floor(next() * REFERRAL_KINDS.length)] ?? "concern",
          unit: "mottag-barn",
          ageGroup: AGE_GROUPS[Math.floor(next() * AGE_GROUPS.length)] ?? "13-17",
          receivedAt: iso,
          subjectRef: SUBJECT_REF,
          firstOffence: false,
          deadlines: [],
        },
      });
    case 1:
      return newEvent(referralAssessed, {
        ...base,
        source: "intake",
        data: {
          referralId: id,
          kind: "concern",
          unit: "mottag-barn",
          ageGroup: "13-17",
          receivedAt: iso,
          assessedAt: later(24 * 20 * next()),
          dueAt: later(24 * 14),
          assessment: "pre-assessment",
          openInvestigation: next() < 0.5,
        },
      });
    case 2: {
      const leadDays = Math.floor(next() * 200);
      return newEvent(releaseNoticeReceived, {
        ...base,
        source: "release-notices",
        data: {
          noticeId: id,
          expectedReleaseDate: "2027-01-15",
          releaseType: "conditional",
          needs: ["housing"],
          receivedAt: iso,
          leadDays,
          onTime: leadDays >= 92,
          planDueDate: "2027-01-15",
          subjectRef: SUBJECT_REF,
          subjectSealed: SEALED,
        },
      });
    }
    case 3:
      return newEvent(releasePlanReady, {
        ...base,
        source: "release-notices",
        data: { noticeId: id, readyAt: iso, planDueDate: "2027-01-15", byReleaseDate: next() < 0.8 },
      });
    case 4:
      return newEvent(hotlineCallReceived, {
        ...base,
        source: "hotline",
        data: { callId: id, receivedAt: iso },
      });
    case 5:
      return newEvent(hotlineCallRouted, {
        ...base,
        source: "hotline",
        data: {
          callId: id,
          receivedAt: iso,
          answeredAt: later(0.01),
          chainPosition: next() < 0.8 ? 1 : 2,
          chainRole: "on-call",
        },
      });
    case 6: {
      const hours = next() * 40;
      return newEvent(hotlineTriageCompleted, {
        ...base,
        source: "hotline",
        data: {
          triageId: id,
          callId: id,
          origin: "answered",
          receivedAt: iso,
          completedAt: later(hours),
          dueAt: later(24),
          withinDeadline: hours <= 24,
          hoursToComplete: hours,
          steps: {
            "threat-assessment": "done",
            "protective-placement": next() < 0.2 ? "done" : "not-needed",
            decision: "done",
            "financial-assistance": "not-needed",
          },
        },
      });
    }
    default:
      return newEvent(hotlineCallUnanswered, {
        ...base,
        source: "hotline",
        data: {
          callId: id,
          receivedAt: iso,
          endedAt: later(0.05),
          reason: "chain-exhausted",
          attempts: 3,
          voicemailRecorded: false,
          triageId: id,
        },
      });
  }
};

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
const feedInBulk = async (deps: PilotReportsDeps, events: readonly CatalogueEvent[], writeMarks: boolean) => {
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

const feedThroughConsumer = async (deps: PilotReportsDeps, events: readonly CatalogueEvent[]) => {
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

const reportEvent = (format: "json" | "csv", requestId: string): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const now = Date.now();
  const query = { municipality: "pilot", from: FROM, to: TO, format };
  return {
    version: "2.0",
    routeKey: "GET /v1/reports/pilot",
    rawPath: "/v1/reports/pilot",
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: query,
    headers: { host: "api.example.se", "user-agent": "bench" },
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: { claims: { sub: "socialstyrelsen-bench", scope: "reports:read" }, scopes: ["reports:read"] },
      },
      domainName: "api.example.se",
      domainPrefix: "api",
      http: {
        method: "GET",
        path: "/v1/reports/pilot",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "bench",
      },
      requestId,
      routeKey: "GET /v1/reports/pilot",
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    isBase64Encoded: false,
  };
};

const reportWorkload = (deps: PilotReportsDeps, format: "json" | "csv"): Workload & { bytes: number } => {
  const handler = createReport(deps);
  const workload = {
    name: format,
    bytes: 0,
    firstError: undefined as string | undefined,
    prepare: () => undefined,
    async run(i: number) {
      const requestId = `${format}-${i}`;
      const result = await handler(
        reportEvent(format, requestId),
        lambdaContext("pilot-reports-report", requestId),
      );
      workload.bytes = typeof result.body === "string" ? Buffer.byteLength(result.body) : 0;
      if (result.statusCode !== 200) workload.firstError ??= `status ${result.statusCode}`;
      return result.statusCode === 200;
    },
  };
  return workload;
};

/** Runs the benchmark and returns the printed table. */
export const runPilotReportBench = async (options: PilotReportBenchOptions = {}): Promise<string> => {
  const requests = options.requests ?? 200;
  const warmup = options.warmup ?? 20;
  const writeMarks = options.writeMarks ?? false;
  const started = performance.now();
  progress("starting DynamoDB Local and fauxqs (own process)");
  const servers = await startServers();
  try {
    const clients = localClients(servers);
    const provisioned = await provisionLocalResources(clients, {
      prefix: `bench-pr-${ulid().slice(-8).toLowerCase()}`,
      tables: [TABLES["pilot-reports"]],
      queues: [],
    });
    const tableName = provisioned.tables["pilot-reports"];
    if (!tableName) throw new Error("no pilot-reports table was provisioned");
    const deps: PilotReportsDeps = {
      ...createDeps(
        {
          service: "pilot-reports",
          clock: systemClock,
          dynamodb: clients.dynamodb,
          sqs: clients.sqs,
          tableName,
          queueUrls: {},
          keys: staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON)),
        },
        { suppressionThreshold: 5 },
      ),
      logger: new Logger({ serviceName: "pilot-reports", logLevel: "CRITICAL" }),
    };

    const next = random(20_251_123);
    const rows: string[][] = [];
    const cursor = new Map<string, number>();
    let consumed = 0;
    for (const stage of options.stages ?? [10_000, 100_000]) {
      const generatedAt = performance.now();
      const events = Array.from({ length: stage - consumed }, (_, k) => eventAt(consumed + k, next));
      progress(
        `generated ${events.length} events in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
      );
      const fedAt = performance.now();
      const viaConsumer = consumed === 0 ? events.slice(0, THROUGH_CONSUMER) : [];
      await feedThroughConsumer(deps, viaConsumer);
      await feedInBulk(deps, events.slice(viaConsumer.length), writeMarks);
      consumed = stage;
      progress(
        `${consumed} events consumed (${viaConsumer.length} through the consumer) in ${((performance.now() - fedAt) / 1000).toFixed(1)} s`,
      );
      const workloads = [reportWorkload(deps, "json"), reportWorkload(deps, "csv")];
      const comparison = await compare(workloads, {
        concurrency: 1,
        requests,
        warmup,
        blocks: 2,
        cursor,
      });
      // What the report's Queries return, counted from the raw items: every attribute but the keys.
      let attributes = 0;
      for (const code of PILOT_MUNICIPALITIES) {
        const range = aggregateRange(code, FROM, TO);
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await deps.doc.send(
            new QueryCommand({
              TableName: deps.tableName,
              KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
              ExpressionAttributeValues: { ":pk": range.pk, ":from": range.from, ":to": range.to },
              ...(startKey ? { ExclusiveStartKey: startKey } : {}),
            }),
          );
          for (const item of page.Items ?? []) {
            attributes += Object.keys(item).filter((a) => !KEY_ATTRIBUTES.has(a)).length;
          }
          startKey = page.LastEvaluatedKey;
        } while (startKey);
      }
      for (const workload of workloads) {
        const s = comparison.results.get(workload.name);
        if (!s) continue;
        rows.push([
          stage.toLocaleString("en-US"),
          workload.name,
          String(s.n),
          String(s.errors),
          ms(s.p50Ms),
          ms(s.p99Ms),
          ms(s.meanMs),
          (workload.bytes / 1024).toFixed(1),
          String(attributes),
        ]);
        if (workload.firstError) progress(`${workload.name}: first failure: ${workload.firstError}`);
      }
    }
    const printed = [
      `Pilot report: GET /v1/reports/pilot?municipality=pilot&from=${FROM}&to=${TO} (6 municipalities × 12 months),`,
      "through the report's Lambda handler against DynamoDB Local, concurrency 1, JSON and CSV in alternating blocks;",
      `${THROUGH_CONSUMER} events through the consumer, the rest fed in bulk${writeMarks ? " with their dedupe marks" : " (dedupe marks not written)"}`,
      "",
      table(
        [
          "events consumed",
          "format",
          "n",
          "errors",
          "p50 ms",
          "p99 ms",
          "mean ms",
          "body KiB",
          "attributes read",
        ],
        rows,
      ),
      "",
      `(${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
    ].join("\n");
    return printed;
  } finally {
    await servers.stop();
  }
};

// Run alone: `node --import tsx test/bench/pilot-report.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  runPilotReportBench().then(
    (printed) => process.stdout.write(`${printed}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
