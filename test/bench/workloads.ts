import { Agent, request } from "node:http";
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from "@aws-sdk/client-dynamodb";
import { SendMessageCommand, type SendMessageCommandInput } from "@aws-sdk/client-sqs";
import type { LocalClients } from "../../infra/local/aws";
import { createDeps } from "../../services/release-notices/deps";
import { createHandler } from "../../services/release-notices/handlers/create";
import { systemClock } from "../../shared/clock";
import type { ServiceName } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret, staticKeyRing } from "../../shared/runtime/keys";
import { lambdaContext, noticeBody, personnummer, postEvent, releaseDateMonthsAhead } from "./fixtures";

/** One kind of request, run by index: inputs for a block are built before it is timed. */
export interface Workload {
  readonly name: string;
  prepare(from: number, count: number): void;
  /** Resolves to whether the request did what it should (201 for the handler). */
  run(i: number): Promise<boolean>;
  /** The first failure seen, for the report. */
  readonly firstError?: string;
  /** Called after the warm-up: forget what was counted so far. */
  reset?(): void;
}

/** Latency of each step of the raw sequence, in ms. */
export interface RawSteps {
  readonly transact: number[];
  readonly send: number[];
  readonly remove: number[];
}

export interface Target {
  readonly tableName: string;
  readonly settingsTableName: string;
  readonly auditTableName: string;
  readonly queueUrls: Readonly<Partial<Record<ServiceName, string>>>;
}

const keys = staticKeyRing(parseKeySecret(DEVELOPMENT_KEYS_JSON));

export const runtimeFor = (clients: LocalClients, target: Target): RuntimeConfig => ({
  service: "release-notices",
  clock: systemClock,
  dynamodb: clients.dynamodb,
  sqs: clients.sqs,
  tableName: target.tableName,
  settingsTableName: target.settingsTableName,
  auditTableName: target.auditTableName,
  queueUrls: target.queueUrls,
  keys,
});

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);

const PNR_POOL = 5000;

/**
 * The real create handler, in process, as Lambda would call it: createHandler(createDeps(runtime)).
 * Each request posts a new notice (its own noticeId and personnummer), so each one creates.
 */
export const handlerWorkload = (name: string, clients: LocalClients, target: Target, runId: string) => {
  const handler = createHandler(createDeps(runtimeFor(clients, target)));
  const now = new Date();
  const pnrs = personnummer(PNR_POOL, now);
  const releaseDate = releaseDateMonthsAhead(now, 5);
  let prepared: {
    from: number;
    items: { event: ReturnType<typeof postEvent>; context: ReturnType<typeof lambdaContext> }[];
  } = { from: 0, items: [] };
  const workload: Workload & { firstError?: string } = {
    name,
    prepare(from, count) {
      const items = [];
      for (let i = from; i < from + count; i++) {
        const requestId = `${runId}-${name}-${i}`;
        const body = JSON.stringify(
          noticeBody(`bench-${runId}-${name}-${i}`, pnrs[i % PNR_POOL] ?? "", releaseDate),
        );
        items.push({
          event: postEvent(body, requestId),
          context: lambdaContext("release-notices-create", requestId),
        });
      }
      prepared = { from, items };
    },
    async run(i) {
      const item = prepared.items[i - prepared.from];
      if (!item) throw new Error(`request ${i} was not prepared`);
      const result = await handler(item.event, item.context);
      if (result.statusCode === 201) return true;
      workload.firstError ??= `status ${result.statusCode}: ${String(result.body).slice(0, 300)}`;
      return false;
    },
  };
  return workload;
};

/** The calls one create makes, as the SDK saw them after marshalling (captured from a real request). */
export interface CallTemplates {
  readonly transact: TransactWriteItemsCommandInput;
  readonly sends: readonly SendMessageCommandInput[];
  /** The outbox rows' delete, one BatchWriteItem for the commit's events (shared/events/outbox.ts). */
  readonly remove: BatchWriteItemCommandInput;
  /** Command names in the order they were sent. */
  readonly sequence: readonly string[];
  /** Serialised request sizes, for the report. */
  readonly bytes: { readonly transact: number; readonly send: number; readonly remove: number };
}

/**
 * Runs one real create against the servers with clients that record each command's input at the
 * SDK's build step (after the document client marshalled it), so the raw replay sends the same
 * items, conditions and message bodies as the handler does.
 */
export const captureCalls = async (
  clients: LocalClients,
  target: Target,
  runId: string,
): Promise<CallTemplates> => {
  const captured: { name: string; input: unknown }[] = [];
  const name = "benchCapture";
  clients.dynamodb.middlewareStack.add(
    (next, context) => async (args) => {
      captured.push({ name: context.commandName ?? "?", input: structuredClone(args.input) });
      return next(args);
    },
    { step: "build", name },
  );
  clients.sqs.middlewareStack.add(
    (next, context) => async (args) => {
      captured.push({ name: context.commandName ?? "?", input: structuredClone(args.input) });
      return next(args);
    },
    { step: "build", name },
  );
  try {
    const workload = handlerWorkload("capture", clients, target, runId);
    workload.prepare(0, 1);
    if (!(await workload.run(0))) throw new Error(`capture request failed: ${workload.firstError}`);
  } finally {
    clients.dynamodb.middlewareStack.remove(name);
    clients.sqs.middlewareStack.remove(name);
  }
  const sequence = captured.map((c) => c.name);
  const transact = captured.find((c) => c.name === "TransactWriteItemsCommand")?.input as
    | TransactWriteItemsCommandInput
    | undefined;
  const sends = captured
    .filter((c) => c.name === "SendMessageCommand")
    .map((c) => c.input as SendMessageCommandInput);
  const remove = captured.find((c) => c.name === "BatchWriteItemCommand")?.input as
    | BatchWriteItemCommandInput
    | undefined;
  if (!transact || !remove || sends.length === 0) {
    throw new Error(`unexpected calls for one create: ${sequence.join(", ")}`);
  }
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  return {
    transact,
    sends,
    remove,
    sequence,
    bytes: { transact: size(transact), send: Math.max(...sends.map(size)), remove: size(remove) },
  };
};

/** Makes a captured key unique per request: same length give or take, same conditions. */
const uniquePk = (pk: string | undefined, suffix: string): string => `${pk ?? "?"}#${suffix}`;

/**
 * The raw floor: the same calls with the plain SDK clients, no document client, no middleware of
 * ours. TransactWriteItems (3 puts) → SendMessage to each subscribed queue in parallel →
 * BatchWriteItem deleting the outbox rows.
 */
export const rawWorkload = (name: string, clients: LocalClients, templates: CallTemplates, runId: string) => {
  let prepared: {
    from: number;
    items: { transact: TransactWriteItemsCommandInput; remove: BatchWriteItemCommandInput }[];
  } = { from: 0, items: [] };
  let steps: RawSteps = { transact: [], send: [], remove: [] };
  const since = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
  const workload: Workload & { firstError?: string; steps(): RawSteps } = {
    name,
    steps: () => steps,
    reset() {
      steps = { transact: [], send: [], remove: [] };
    },
    prepare(from, count) {
      const items = [];
      for (let i = from; i < from + count; i++) {
        const suffix = `${runId}-${name}-${i}`;
        const transact: TransactWriteItemsCommandInput = {
          ...templates.transact,
          TransactItems: (templates.transact.TransactItems ?? []).map((item) => {
            if (!item.Put?.Item) return item;
            return {
              Put: {
                ...item.Put,
                Item: { ...item.Put.Item, pk: { S: uniquePk(item.Put.Item.pk?.S, suffix) } },
              },
            };
          }),
        };
        const remove: BatchWriteItemCommandInput = {
          ...templates.remove,
          RequestItems: Object.fromEntries(
            Object.entries(templates.remove.RequestItems ?? {}).map(([table, requests]) => [
              table,
              requests.map((r) => {
                const key = r.DeleteRequest?.Key ?? {};
                return { DeleteRequest: { Key: { ...key, pk: { S: uniquePk(key.pk?.S, suffix) } } } };
              }),
            ]),
          ),
        };
        items.push({ transact, remove });
      }
      prepared = { from, items };
    },
    async run(i) {
      const item = prepared.items[i - prepared.from];
      if (!item) throw new Error(`request ${i} was not prepared`);
      try {
        let started = process.hrtime.bigint();
        await clients.dynamodb.send(new TransactWriteItemsCommand(item.transact));
        const transact = since(started);
        started = process.hrtime.bigint();
        await Promise.all(templates.sends.map((input) => clients.sqs.send(new SendMessageCommand(input))));
        const send = since(started);
        started = process.hrtime.bigint();
        await clients.dynamodb.send(new BatchWriteItemCommand(item.remove));
        steps.transact.push(transact);
        steps.send.push(send);
        steps.remove.push(since(started));
        return true;
      } catch (error) {
        workload.firstError ??= describe(error);
        return false;
      }
    },
  };
  return workload;
};

/**
 * POST through the local runtime's HTTP server (infra/local): bearer JWT verified (RS256), the
 * API Gateway event built, the same handler invoked. The client runs in this process too.
 */
export const httpWorkload = (name: string, baseUrl: string, token: string, runId: string) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const now = new Date();
  const pnrs = personnummer(PNR_POOL, now);
  const releaseDate = releaseDateMonthsAhead(now, 5);
  const url = new URL("/v1/release-notices", baseUrl);
  let prepared: { from: number; bodies: string[] } = { from: 0, bodies: [] };
  const workload: Workload & { firstError?: string; close(): void } = {
    name,
    close: () => agent.destroy(),
    prepare(from, count) {
      const bodies = [];
      for (let i = from; i < from + count; i++) {
        bodies.push(
          JSON.stringify(noticeBody(`bench-${runId}-${name}-${i}`, pnrs[i % PNR_POOL] ?? "", releaseDate)),
        );
      }
      prepared = { from, bodies };
    },
    run(i) {
      const body = prepared.bodies[i - prepared.from];
      if (body === undefined) throw new Error(`request ${i} was not prepared`);
      return new Promise<boolean>((resolve) => {
        const req = request(
          url,
          {
            method: "POST",
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
              if (res.statusCode === 201) return resolve(true);
              workload.firstError ??= `status ${res.statusCode}: ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`;
              resolve(false);
            });
          },
        );
        req.on("error", (error) => {
          workload.firstError ??= describe(error);
          resolve(false);
        });
        req.end(body);
      });
    },
  };
  return workload;
};
