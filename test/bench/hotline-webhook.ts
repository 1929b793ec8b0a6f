/**
 * The hotline's incoming-call webhook against the local servers, beside the raw DynamoDB and SQS
 * calls it needs, in the same run: p50 and p99 at concurrency 1 and 50. A caller hears nothing
 * until this answers, so its distance from the raw calls is what the handler costs them.
 *
 * `runHotlineWebhookBench()` returns the printed table; run alone with
 * `node --import tsx test/bench/hotline-webhook.ts`.
 */
import { randomUUID } from "node:crypto";
import {
  GetItemCommand,
  type GetItemCommandInput,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import { PurgeQueueCommand } from "@aws-sdk/client-sqs";
import { type LocalClients, localClients } from "../../infra/local/aws";
import { provisionLocalResources } from "../../infra/local/provision";
import { createDeps } from "../../services/hotline/deps";
import { createHandler } from "../../services/hotline/handlers/incoming";
import { staticWebhookCredentials } from "../../services/hotline/webhook-auth";
import { systemClock } from "../../shared/clock";
import type { HttpEvent } from "../../shared/http/edge";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { muteOutput } from "./cpu";
import { putAlwaysOnCallSchedule } from "./hotline-schedule";
import { CREDENTIALS, context, incomingEvent } from "./hotline-webhook-event";
import { type Comparison, compare } from "./pool";
import { startServers } from "./servers-client";
import { ms, ratio, table } from "./stats";
import type { Workload } from "./workloads";

const HANDLER = "incoming webhook (handler)";
const RAW = "raw SDK calls";
const CONCURRENCIES = [1, 50] as const;
// Sized for about a minute on two shared cores, where DynamoDB Local serves ~50 transactions a second.
const REQUESTS: Readonly<Record<number, number>> = { 1: 200, 50: 600 };
const WARMUP: Readonly<Record<number, number>> = { 1: 50, 50: 100 };

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);

const runtimeFor = (
  clients: LocalClients,
  tableName: string,
  settingsTableName: string,
  auditTableName: string,
  queueUrls: RuntimeConfig["queueUrls"],
) => ({
  service: "hotline" as const,
  clock: systemClock,
  dynamodb: clients.dynamodb,
  sqs: clients.sqs,
  tableName,
  settingsTableName,
  auditTableName,
  queueUrls,
  keys: staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON)),
  publicBaseUrl: "https://api.example.se",
});

/** The real handler, in process, as Lambda calls it; each request is a new call (its own callid). */
const handlerWorkload = (deps: ReturnType<typeof createDeps>, runId: string) => {
  const handler = createHandler(deps);
  let prepared: { from: number; events: HttpEvent[] } = { from: 0, events: [] };
  const workload: Workload & { firstError?: string } = {
    name: HANDLER,
    prepare(from, count) {
      const events: HttpEvent[] = [];
      for (let i = from; i < from + count; i++) events.push(incomingEvent(`b${runId}h${i}`, `${runId}-${i}`));
      prepared = { from, events };
    },
    async run(i) {
      const event = prepared.events[i - prepared.from];
      if (!event) throw new Error(`request ${i} was not prepared`);
      const result = await handler(event, context(randomUUID()));
      if (result.statusCode === 200 && String(result.body).includes('"connect"')) return true;
      workload.firstError ??= `status ${result.statusCode}: ${String(result.body).slice(0, 200)}`;
      return false;
    },
  };
  return workload;
};

interface Templates {
  readonly get: GetItemCommandInput;
  readonly transact: TransactWriteItemsCommandInput;
  readonly sequence: readonly string[];
}

/** One real request with clients that record each command as the SDK built it (after marshalling). */
const captureCalls = async (clients: LocalClients, deps: ReturnType<typeof createDeps>, runId: string) => {
  const captured: { name: string; input: unknown }[] = [];
  const name = "hotlineBenchCapture";
  clients.dynamodb.middlewareStack.add(
    (next, ctx) => async (args) => {
      captured.push({ name: ctx.commandName ?? "?", input: structuredClone(args.input) });
      return next(args);
    },
    { step: "build", name },
  );
  clients.sqs.middlewareStack.add(
    (next, ctx) => async (args) => {
      captured.push({ name: ctx.commandName ?? "?", input: structuredClone(args.input) });
      return next(args);
    },
    { step: "build", name },
  );
  try {
    const workload = handlerWorkload(deps, `${runId}capture`);
    workload.prepare(0, 1);
    if (!(await workload.run(0))) throw new Error(`capture request failed: ${workload.firstError}`);
  } finally {
    clients.dynamodb.middlewareStack.remove(name);
    clients.sqs.middlewareStack.remove(name);
  }
  const find = (command: string) => captured.find((c) => c.name === command)?.input;
  const get = find("GetItemCommand") as GetItemCommandInput | undefined;
  const transact = find("TransactWriteItemsCommand") as TransactWriteItemsCommandInput | undefined;
  const sequence = captured.map((c) => c.name.replace(/Command$/, ""));
  // The events stay in the outbox for its sweep: no SQS send is on a caller's path.
  if (!get || !transact || sequence.join() !== "Query,GetItem,TransactWriteItems") {
    throw new Error(`unexpected calls for one incoming call: ${sequence.join(", ")}`);
  }
  const templates: Templates = { get, transact, sequence };
  return templates;
};

/**
 * The floor: the same calls with the plain SDK clients, in the handler's order. GetItem (the
 * schedule; the sealing keys are already in memory) → TransactWriteItems (call, triage, outbox
 * rows); the outbox sweep sends the events later, off the caller's path. The first request also
 * reads the settings in force (a Query beside the schedule), which the handler then keeps for a
 * minute: the measured requests make it about once a minute, so the floor leaves it out.
 */
const rawWorkload = (clients: LocalClients, t: Templates, runId: string) => {
  let prepared: { from: number; items: { transact: TransactWriteItemsCommandInput }[] } = {
    from: 0,
    items: [],
  };
  const unique = (pk: string | undefined, suffix: string) => `${pk ?? "?"}#${suffix}`;
  const workload: Workload & { firstError?: string } = {
    name: RAW,
    prepare(from, count) {
      const items = [];
      for (let i = from; i < from + count; i++) {
        const suffix = `${runId}r${i}`;
        items.push({
          transact: {
            ...t.transact,
            TransactItems: (t.transact.TransactItems ?? []).map((item) =>
              item.Put?.Item
                ? {
                    Put: {
                      ...item.Put,
                      Item: { ...item.Put.Item, pk: { S: unique(item.Put.Item.pk?.S, suffix) } },
                    },
                  }
                : item,
            ),
          },
        });
      }
      prepared = { from, items };
    },
    async run(i) {
      const item = prepared.items[i - prepared.from];
      if (!item) throw new Error(`request ${i} was not prepared`);
      try {
        await clients.dynamodb.send(new GetItemCommand(t.get));
        await clients.dynamodb.send(new TransactWriteItemsCommand(item.transact));
        return true;
      } catch (error) {
        workload.firstError ??= describe(error);
        return false;
      }
    },
  };
  return workload;
};

const render = (comparisons: readonly Comparison[], sequence: readonly string[], notes: string[]): string => {
  const rows: string[][] = [];
  for (const c of comparisons) {
    for (const name of [HANDLER, RAW]) {
      const s = c.results.get(name);
      if (!s) continue;
      rows.push([
        name,
        String(c.concurrency),
        String(s.n),
        String(s.errors),
        ms(s.p50Ms),
        ms(s.p99Ms),
        ms(s.meanMs),
        s.perSecond.toFixed(0),
      ]);
    }
    const h = c.results.get(HANDLER);
    const r = c.results.get(RAW);
    if (h && r) {
      rows.push([
        `  handler/raw`,
        String(c.concurrency),
        "",
        "",
        ratio(h.p50Ms, r.p50Ms),
        ratio(h.p99Ms, r.p99Ms),
        "",
        "",
      ]);
    }
  }
  return [
    "== hotline: the incoming-call webhook beside the raw calls it needs (ms) ==",
    `the handler's first request sends ${sequence.join(" → ")} (the settings' Query beside the schedule's GetItem, then kept a minute); the raw sequence: GetItem → TransactWriteItems`,
    ...notes,
    "",
    table(["path", "conc", "n", "errors", "p50", "p99", "mean", "req/s"], rows),
  ].join("\n");
};

// Bound before any muting: progress must reach the terminal while the handler's logs are swallowed.
const writeStderr = process.stderr.write.bind(process.stderr);

export const runHotlineWebhookBench = async (
  progress: (message: string) => void = (m) => writeStderr(`${m}\n`),
): Promise<string> => {
  const runId = randomUUID().slice(0, 8);
  progress("hotline bench: starting DynamoDB Local and fauxqs (own process)");
  const servers = await startServers();
  const mute = muteOutput();
  try {
    const clients = localClients(servers);
    const provisioned = await provisionLocalResources(clients, { prefix: `bench-hl-${runId}` });
    const tableName = provisioned.tables.hotline;
    if (!tableName) throw new Error("no hotline table was provisioned");
    const deps = createDeps(
      runtimeFor(
        clients,
        tableName,
        provisioned.settingsTable,
        provisioned.auditTable,
        provisioned.queueUrls,
      ),
      {
        webhookCredentials: staticWebhookCredentials(CREDENTIALS),
      },
    );
    await putAlwaysOnCallSchedule(deps, "bench");
    const templates = await captureCalls(clients, deps, runId);
    const workloads = [handlerWorkload(deps, runId), rawWorkload(localClients(servers), templates, runId)];
    const purge = async () => {
      await Promise.all(
        Object.values(provisioned.queueUrls).map((url) =>
          clients.sqs.send(new PurgeQueueCommand({ QueueUrl: url })),
        ),
      );
    };
    const cursor = new Map<string, number>();
    const comparisons: Comparison[] = [];
    for (const concurrency of CONCURRENCIES) {
      const requests = REQUESTS[concurrency] ?? 200;
      const warmup = WARMUP[concurrency] ?? 50;
      progress(`hotline bench: concurrency ${concurrency}, ${warmup} warm-up then ${requests} per path`);
      comparisons.push(
        await compare(workloads, {
          concurrency,
          requests,
          warmup,
          blocks: 4,
          cursor,
          between: purge,
          progress,
        }),
      );
    }
    const notes = [
      `each concurrency: ${WARMUP[1]} (c=1) or ${WARMUP[50]} (c=50) warm-up requests per path, then the measured ones in 4 alternating blocks; queues purged between blocks`,
      "handler: createHandler(createDeps(runtime)) in this process, with the source-address check, the municipality's derived basic credentials, the form body base64-encoded as API Gateway sends it, zod, sealing the caller's number, the escalation chain from the schedule",
      "DynamoDB Local and fauxqs run in a process of their own; at concurrency 50 both paths are bound by DynamoDB Local sharing the cores",
    ];
    for (const w of workloads) if (w.firstError) notes.push(`${w.name}: first failure: ${w.firstError}`);
    return render(comparisons, templates.sequence, notes);
  } finally {
    mute.restore();
    const stopped = await servers.stop();
    progress(`hotline bench: local servers ${stopped ? "stopped" : "STILL RUNNING"}`);
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  process.stdout.write(`${await runHotlineWebhookBench()}\n`);
}
