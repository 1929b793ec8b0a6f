/**
 * The worklists with a small and a large history stored beside each other, in one run against
 * DynamoDB Local: intake's worklist by next deadline, its overdue view, one unit's and one
 * caseworker's ("mine"), release notices in a status by release date (and those already late),
 * hotline triages by status and due time. The same few hundred items are open at both sizes; the
 * rest is history. Each list is read as a first page (25) and the late views also walked to the
 * end; time and items read (ScannedCount, and ConsumedCapacity where DynamoDB Local reports it)
 * should stay within 1.2x between the sizes. Prints figures only; asserts nothing.
 *
 *   node --import tsx test/bench/worklists.ts [--large 100000] [--small 1000] [--runs 5]
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BatchWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { ulid } from "ulid";
import { type LocalEndpoints, localClients } from "../../infra/local/aws";
import { provisionLocalResources, provisionTable } from "../../infra/local/provision";
import { createDeps as hotlineDeps } from "../../services/hotline/deps";
import { TriageStore } from "../../services/hotline/store/triage-store";
import { createDeps as intakeDeps } from "../../services/intake/deps";
import { listWorklist, type WorklistFilter } from "../../services/intake/store/worklist";
import { createDeps as noticeDeps } from "../../services/release-notices/deps";
import type { NoticeStatus } from "../../services/release-notices/domain/notice";
import { noticeTable } from "../../services/release-notices/store/notice-table";
import { SettableClock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { type ServiceName, TABLES } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { startServers } from "./servers-client";
import { median, table } from "./stats";
import {
  CASEWORKER,
  intakeItems,
  MUNICIPALITY,
  NOW,
  noticeItems,
  OPEN,
  OVERDUE,
  triageItems,
} from "./worklists-seed";

export interface WorklistBenchOptions {
  readonly large?: number;
  readonly small?: number;
  readonly runs?: number;
  readonly progress?: (message: string) => void;
  /** Servers already running; by default it starts and stops its own. */
  readonly endpoints?: LocalEndpoints;
}

const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
const LIMIT = 25;

/** What DynamoDB read for the queries in a measurement: counted by a middleware on the client. */
const meter = { queries: 0, scanned: 0, capacity: 0 };

/** BatchWriteItem, 25 items a request, `concurrency` requests at once, unprocessed items retried. */
const writeAll = async (doc: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      let pending = items.slice(next, next + 25);
      next += 25;
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await doc.send(
          new BatchWriteCommand({
            RequestItems: { [tableName]: pending.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
        pending = (out.UnprocessedItems?.[tableName] ?? []).flatMap((r) =>
          r.PutRequest?.Item ? [r.PutRequest.Item] : [],
        );
        if (pending.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
};

/** One page of a list: how many items, and the cursor to the next (none at the end). */
type PageReader = (cursor: string | undefined) => Promise<{ count: number; cursor: string | undefined }>;
interface ListUnderTest {
  readonly name: string;
  /** Walked to the end as well as read as a first page. */
  readonly walk: boolean;
  readonly read: PageReader;
}

const listsFor = (runtime: (service: ServiceName) => RuntimeConfig): ListUnderTest[] => {
  const intake = intakeDeps(runtime("intake"));
  const worklist =
    (filter: WorklistFilter): PageReader =>
    async (cursor) => {
      const page = await listWorklist(intake, MUNICIPALITY, filter, { limit: LIMIT, cursor }, NOW);
      if (!page.ok) throw new Error("the bench's own cursor was refused");
      return { count: page.items.length, cursor: page.cursor };
    };
  const notices = noticeTable(noticeDeps(runtime("release-notices")));
  const byRelease =
    (status: NoticeStatus, releaseTo?: string): PageReader =>
    async (cursor) => {
      const startKey = notices.resumeFrom(MUNICIPALITY, cursor, status);
      if (startKey === "invalid") throw new Error("the bench's own cursor was refused");
      const page = await notices.listPage({
        municipality: MUNICIPALITY,
        status,
        ...(releaseTo ? { releaseTo } : {}),
        limit: LIMIT,
        startKey,
      });
      return { count: page.notices.length, cursor: page.cursor };
    };
  const triages = new TriageStore(hotlineDeps(runtime("hotline")));
  const triagesDue: PageReader = async (cursor) => {
    const page = await triages.list(MUNICIPALITY, "open", { limit: LIMIT, cursor }, "due");
    if (!page.ok) throw new Error("the bench's own cursor was refused");
    return { count: page.items.length, cursor: page.cursor };
  };
  const today = NOW.toISOString().slice(0, 10);
  return [
    { name: "intake worklist by next deadline (sort=due)", walk: false, read: worklist({}) },
    { name: "intake overdue view (overdue=true)", walk: true, read: worklist({ overdue: true }) },
    {
      name: "intake one unit's worklist (unit=mottag-barn)",
      walk: false,
      read: worklist({ unit: "mottag-barn" }),
    },
    { name: "intake mine (assignee=…)", walk: true, read: worklist({ assignee: CASEWORKER }) },
    { name: "release notices received, by release date", walk: false, read: byRelease("received") },
    {
      name: "release notices received, released already (late)",
      walk: true,
      read: byRelease("received", today),
    },
    { name: "hotline open triages by due time (sort=due)", walk: true, read: triagesDue },
  ];
};

interface Sample {
  readonly ms: number;
  readonly scanned: number;
  readonly capacity: number;
  readonly pages: number;
  readonly items: number;
}

const measure = async (read: PageReader, walk: boolean): Promise<Sample> => {
  meter.queries = 0;
  meter.scanned = 0;
  meter.capacity = 0;
  const started = performance.now();
  let cursor: string | undefined;
  let pages = 0;
  let items = 0;
  do {
    const page = await read(cursor);
    cursor = page.cursor;
    pages += 1;
    items += page.count;
  } while (walk && cursor);
  return { ms: performance.now() - started, scanned: meter.scanned, capacity: meter.capacity, pages, items };
};

export const runWorklistBench = async (options: WorklistBenchOptions = {}): Promise<string> => {
  const large = options.large ?? 100_000;
  const small = options.small ?? 1_000;
  const runs = options.runs ?? 5;
  const progress = options.progress ?? ((m: string) => process.stderr.write(`[worklists] ${m}\n`));
  const identity = parseIdentityNumber("19900101-0017", NOW);
  const sealingKey = keys.sealingKeys.get(keys.sealingKid);
  if (!identity || !sealingKey) throw new Error("the bench identity or key is missing");
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
    clients.dynamodb.middlewareStack.add(
      (next, context) => async (args) => {
        const query = context.commandName === "QueryCommand";
        if (query) Object.assign(args.input as object, { ReturnConsumedCapacity: "TOTAL" });
        const out = await next(args);
        if (query) {
          const output = out.output as {
            ScannedCount?: number;
            ConsumedCapacity?: { CapacityUnits?: number };
          };
          meter.queries += 1;
          meter.scanned += output.ScannedCount ?? 0;
          meter.capacity += output.ConsumedCapacity?.CapacityUnits ?? 0;
        }
        return out;
      },
      { step: "initialize", name: "worklistBenchMeter" },
    );
    const runId = ulid().slice(-8).toLowerCase();
    const shared = await provisionLocalResources(clients, { prefix: `bench-${runId}`, tables: [] });
    const doc = documentClient(clients.dynamodb);
    const sizes = [small, large];
    const setups: { stored: number; lists: ListUnderTest[] }[] = [];
    const seedNotes: string[] = [];
    for (const stored of sizes) {
      const started = Date.now();
      const names = new Map<ServiceName, string>();
      for (const [service, items] of [
        ["intake", intakeItems(stored, subject)],
        ["release-notices", noticeItems(stored, subject)],
        ["hotline", triageItems(stored)],
      ] as const) {
        const tableName = await provisionTable(clients.dynamodb, TABLES[service], `bench-${runId}-${stored}`);
        await writeAll(doc, tableName, items);
        names.set(service, tableName);
        progress(
          `${stored} ${service} items written to ${tableName} (${((Date.now() - started) / 1000).toFixed(1)} s so far)`,
        );
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      seedNotes.push(`3 × ${stored.toLocaleString("en-US")} in ${seconds} s`);
      const runtime = (service: ServiceName): RuntimeConfig => ({
        service,
        clock: new SettableClock(NOW),
        dynamodb: clients.dynamodb,
        sqs: clients.sqs,
        tableName: names.get(service) ?? "",
        auditTableName: shared.auditTable,
        queueUrls: shared.queueUrls,
        keys: staticKeyRing(keys),
      });
      setups.push({ stored, lists: listsFor(runtime) });
    }

    const samples = new Map<string, { first: Sample[]; walk: Sample[] }>();
    // Interleaved, so that drift in the machine's load falls on both sizes alike; round 0 warms up.
    for (let run = 0; run <= runs; run++) {
      for (const setup of setups) {
        for (const list of setup.lists) {
          const first = await measure(list.read, false);
          const walk = list.walk ? await measure(list.read, true) : undefined;
          if (run === 0) continue;
          const key = `${list.name}|${setup.stored}`;
          const s = samples.get(key) ?? { first: [], walk: [] };
          s.first.push(first);
          if (walk) s.walk.push(walk);
          samples.set(key, s);
        }
      }
    }
    const rows: string[][] = [];
    const verdicts: boolean[] = [];
    const setup = setups[0];
    for (const list of setup?.lists ?? []) {
      for (const what of list.walk ? (["first", "walk"] as const) : (["first"] as const)) {
        const at = (stored: number) => samples.get(`${list.name}|${stored}`)?.[what] ?? [];
        const ms = (stored: number) => median(at(stored).map((s) => s.ms));
        const scanned = (stored: number) => median(at(stored).map((s) => s.scanned));
        const capacity = (stored: number) => median(at(stored).map((s) => s.capacity));
        const msRatio = ms(large) / ms(small);
        const readRatio = scanned(large) / Math.max(1, scanned(small));
        const flat = msRatio <= 1.2 && readRatio <= 1.2;
        verdicts.push(flat);
        const last = at(large).at(-1);
        rows.push([
          list.name,
          what === "first"
            ? `first page (${LIMIT})`
            : `walk: ${last?.items ?? 0} in ${last?.pages ?? 0} pages`,
          ms(small).toFixed(1),
          String(scanned(small)),
          capacity(small).toFixed(1),
          ms(large).toFixed(1),
          String(scanned(large)),
          capacity(large).toFixed(1),
          `${msRatio.toFixed(2)}x`,
          `${readRatio.toFixed(2)}x`,
          flat ? "yes" : "NO",
        ]);
      }
    }
    const s = small.toLocaleString("en-US");
    const l = large.toLocaleString("en-US");
    return [
      `Worklists: ${s} against ${l} items stored per list, ${OPEN} open (${OVERDUE} late) at both sizes (DynamoDB Local, median of ${runs})`,
      "",
      table(
        [
          "list",
          "read",
          `${s} ms`,
          "items read",
          "RCU",
          `${l} ms`,
          "items read",
          "RCU",
          "time",
          "read",
          "within 1.2x",
        ],
        rows,
      ),
      "",
      `${verdicts.filter(Boolean).length} of ${verdicts.length} flat within 1.2x in time and items read.`,
      `"items read": the queries' ScannedCount; "RCU": their ConsumedCapacity as DynamoDB Local reports it. Seeded with BatchWriteItem (8 at once, not measured): ${seedNotes.join("; ")}.`,
    ].join("\n");
  } finally {
    await servers?.stop();
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { large: { type: "string" }, small: { type: "string" }, runs: { type: "string" } },
  });
  const options: WorklistBenchOptions = {
    ...(values.large ? { large: Number(values.large) } : {}),
    ...(values.small ? { small: Number(values.small) } : {}),
    ...(values.runs ? { runs: Number(values.runs) } : {}),
  };
  process.stdout.write(`${await runWorklistBench(options)}\n`);
}
