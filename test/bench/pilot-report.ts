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
 * touched). The `attributes read` column counts what the report's month-item Queries return (every
 * attribute but the keys), beside the latency: it must be the same at both stages. The report also
 * reads each municipality's submissions (one Query; none here) and, where the period's first month
 * has no item, the municipality's first month item; neither is counted.
 */

import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { ulid } from "ulid";
import { localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { createDeps, type PilotReportsDeps } from "../../services/pilot-reports/deps";
import { createHandler as createReport } from "../../services/pilot-reports/handlers/report";
import { aggregateRange } from "../../services/pilot-reports/store/keys";
import { systemClock } from "../../shared/clock";
import { Logger } from "../../shared/logger";
import { PILOT_MUNICIPALITIES } from "../../shared/municipalities";
import { TABLES } from "../../shared/resources";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { lambdaContext } from "./fixtures";
import { eventAt, random } from "./pilot-report-events";
import { feedInBulk, feedThroughConsumer } from "./pilot-report-feed";
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
const KEY_ATTRIBUTES = new Set(["pk", "sk", "municipality", "month"]);

const progress = (message: string) =>
  process.stderr.write(`[${(performance.now() / 1000).toFixed(1)} s] pilot-report: ${message}\n`);

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
        jwt: {
          claims: { sub: "socialstyrelsen-bench", scope: "reports:read national" },
          scopes: ["reports:read", "national"],
        },
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
          settingsTableName: provisioned.settingsTable,
          auditTableName: provisioned.auditTable,
          queueUrls: {},
          keys: staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON)),
        },
        { suppressionThreshold: 5 },
      ),
      logger: new Logger({ serviceName: "pilot-reports", logLevel: "SILENT" }),
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
