/**
 * The intake deadline sweep with 100,000 referrals stored beside the same sweep with 1,000
 * stored, 100 due in each, in one run against DynamoDB Local and fauxqs. The sweep queries the
 * due index up to now, so the two should take about as long: it costs what is due, not what is
 * stored. Prints figures only; asserts nothing about them.
 *
 *   node --import tsx test/bench/intake-sweep.ts [--large 100000] [--small 1000] [--due 100] [--runs 5]
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ulid } from "ulid";
import { type LocalEndpoints, localClients } from "../../infra/local/aws";
import { provisionLocalResources, provisionTable } from "../../infra/local/provision";
import { sweepDeadlines } from "../../services/intake/app/sweep-deadlines";
import { createDeps } from "../../services/intake/deps";
import { readDue } from "../../services/intake/store/due";
import { type ReferralRecord, toRecord } from "../../services/intake/store/records";
import { SettableClock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { TABLES } from "../../shared/resources";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { muteOutput } from "./cpu";
import { startServers } from "./servers-client";
import { median, table } from "./stats";

export interface IntakeSweepBenchOptions {
  readonly large?: number;
  readonly small?: number;
  readonly due?: number;
  readonly runs?: number;
  /** Progress lines (stderr by default). */
  readonly progress?: (message: string) => void;
  /** Servers already running (e.g. the main bench's); by default it starts and stops its own. */
  readonly endpoints?: LocalEndpoints;
}

const NOW = new Date("2026-11-23T10:00:00+01:00");
const HOUR = 3_600_000;
const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);

/** A child's concern report as the service stores it; `due` puts its protection assessment in the past. */
const storedReferral = (
  index: number,
  due: boolean,
  subject: { sealed: string; ref: string },
): ReferralRecord => {
  const id = ulid(NOW.getTime() - (index % 1000) * 60_000);
  const receivedAt = new Date(NOW.getTime() - 30 * HOUR).toISOString();
  // Not due: spread over the next 30 days, as a live table's open deadlines are.
  const protectionDue = due ? NOW.getTime() - HOUR - index : NOW.getTime() + HOUR + (index % 720) * HOUR;
  return toRecord({
    id,
    municipality: "0880",
    kind: "concern",
    unit: "mottag-barn",
    ageGroup: "13-17",
    status: "open",
    receivedAt,
    updatedAt: receivedAt,
    subjectRef: subject.ref,
    subjectSealed: subject.sealed,
    firstOffence: false,
    financialAssistance: false,
    reporterRole: "school",
    deadlines: [
      { type: "protection-assessment", dueAt: new Date(protectionDue).toISOString(), state: "open" },
      {
        type: "pre-assessment",
        dueAt: new Date(NOW.getTime() + 14 * 24 * HOUR).toISOString(),
        state: "open",
      },
    ],
    version: 0,
  });
};

/** BatchWriteItem, 25 items a request, `concurrency` requests at once, unprocessed items retried. */
const writeAll = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  concurrency = 8,
): Promise<void> => {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++] ?? [];
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await doc.send(
          new BatchWriteCommand({
            RequestItems: { [tableName]: pending.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
        const left = out.UnprocessedItems?.[tableName] ?? [];
        pending = left.flatMap((r) => (r.PutRequest?.Item ? [r.PutRequest.Item] : []));
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

export const runIntakeSweepBench = async (options: IntakeSweepBenchOptions = {}): Promise<string> => {
  const large = options.large ?? 100_000;
  const small = options.small ?? 1_000;
  const dueCount = options.due ?? 100;
  const runs = options.runs ?? 5;
  const progress = options.progress ?? ((m: string) => process.stderr.write(`[intake-sweep] ${m}\n`));
  const identity = parseIdentityNumber("19900101-0017", NOW);
  if (!identity) throw new Error("the bench identity is not valid");
  const sealingKey = keys.sealingKeys.get(keys.sealingKid);
  if (!sealingKey) throw new Error("no development sealing key");
  // One person for every row: sealing is not what is measured, and the table never sees it in clear.
  const subject = {
    sealed: seal(identity.canonical, { kid: keys.sealingKid, key: sealingKey }),
    ref: subjectRef(identity, keys.linkingKey),
  };

  let servers: { stop(): Promise<unknown> } | undefined;
  let endpoints = options.endpoints;
  if (!endpoints) {
    progress("starting DynamoDB Local and fauxqs (own process)");
    const started = await startServers();
    servers = started;
    endpoints = started;
  }
  try {
    const clients = localClients(endpoints);
    const runId = ulid().slice(-8).toLowerCase();
    const shared = await provisionLocalResources(clients, { prefix: `bench-${runId}`, tables: [] });
    const doc = documentClient(clients.dynamodb);
    const sizes = [small, large];
    const setups = [];
    const seedNotes: string[] = [];
    for (const stored of sizes) {
      const tableName = await provisionTable(clients.dynamodb, TABLES.intake, `bench-${runId}-${stored}`);
      const due = Array.from({ length: dueCount }, (_, i) => storedReferral(i, true, subject));
      const started = Date.now();
      const rest = Array.from({ length: stored - dueCount }, (_, i) =>
        storedReferral(dueCount + i, false, subject),
      );
      await writeAll(doc, tableName, [...due, ...rest]);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      progress(`${stored} referrals written to ${tableName} in ${seconds} s`);
      seedNotes.push(`${stored.toLocaleString("en-US")} in ${seconds} s (BatchWriteItem, not measured)`);
      const clock = new SettableClock(NOW);
      const deps = createDeps({
        service: "intake",
        clock,
        dynamodb: clients.dynamodb,
        sqs: clients.sqs,
        tableName,
        settingsTableName: shared.settingsTable,
        auditTableName: shared.auditTable,
        queueUrls: shared.queueUrls,
        keys: staticKeyRing(keys),
      });
      setups.push({ stored, tableName, due, deps });
    }

    const samples = new Map<
      number,
      { ms: number[]; readMs: number[]; examined: number[]; breaches: number[] }
    >(sizes.map((s) => [s, { ms: [], readMs: [], examined: [], breaches: [] }]));
    // Interleaved, so that drift in the machine's load falls on both sizes alike.
    for (let run = 0; run < runs + 1; run++) {
      for (const setup of setups) {
        // Put the due referrals back as they were: open, unbreached, on the due index.
        await writeAll(doc, setup.tableName, setup.due);
        const mute = muteOutput();
        let elapsed: number;
        let readMs: number;
        let result: Awaited<ReturnType<typeof sweepDeadlines>>;
        try {
          // The due-index read alone (what would grow with the table if the sweep scanned), then the whole sweep.
          const readStarted = performance.now();
          await readDue(setup.deps, NOW);
          readMs = performance.now() - readStarted;
          const started = performance.now();
          result = await sweepDeadlines(setup.deps);
          elapsed = performance.now() - started;
        } finally {
          mute.restore();
        }
        // The first round warms the clients and the JIT: not counted.
        if (run === 0) continue;
        const s = samples.get(setup.stored);
        s?.ms.push(elapsed);
        s?.readMs.push(readMs);
        s?.examined.push(result.examined);
        s?.breaches.push(result.breaches);
      }
    }
    const rows = sizes.map((stored) => {
      const s = samples.get(stored) ?? { ms: [], readMs: [], examined: [], breaches: [] };
      return [
        stored.toLocaleString("en-US"),
        String(dueCount),
        String(runs),
        median(s.readMs).toFixed(1),
        median(s.ms).toFixed(1),
        Math.min(...s.ms).toFixed(1),
        Math.max(...s.ms).toFixed(1),
        String(median(s.examined)),
        String(median(s.breaches)),
      ];
    });
    const smallMedian = median(samples.get(small)?.ms ?? []);
    const largeMedian = median(samples.get(large)?.ms ?? []);
    const seeded = seedNotes.join("; ");
    return [
      "Intake deadline sweep: referrals stored against the time to sweep the due ones (DynamoDB Local, fauxqs)",
      "",
      table(
        [
          "stored",
          "due",
          "runs",
          "read due ms",
          "sweep median ms",
          "min ms",
          "max ms",
          "examined",
          "breaches",
        ],
        rows,
      ),
      "",
      `large / small sweep median: ${(largeMedian / smallMedian).toFixed(2)}x (about 1x: the sweep reads only what is due)`,
      `"read due": the sweep's due-index query alone; "sweep": query, then one transaction and one send per referral. Seeded: ${seeded}.`,
    ].join("\n");
  } finally {
    await servers?.stop();
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      large: { type: "string" },
      small: { type: "string" },
      due: { type: "string" },
      runs: { type: "string" },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const options: IntakeSweepBenchOptions = {
    ...(num(values.large) ? { large: Number(values.large) } : {}),
    ...(num(values.small) ? { small: Number(values.small) } : {}),
    ...(num(values.due) ? { due: Number(values.due) } : {}),
    ...(num(values.runs) ? { runs: Number(values.runs) } : {}),
  };
  process.stdout.write(`${await runIntakeSweepBench(options)}\n`);
}
