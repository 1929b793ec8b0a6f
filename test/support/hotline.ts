/**
 * Helpers for the hotline's integration tests: a schedule, the webhooks as API Gateway delivers
 * them (form posts base64-encoded, basic credentials in the Authorization header), the staff
 * routes with verified claims, the handlers on one set of deps, and what reached the queues.
 */
import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDeps, type HotlineDeps, type HotlineDepsOptions } from "../../services/hotline/deps";
import { staticSmsConfig } from "../../services/hotline/escalation-sms";
import { createHandler as createAcknowledge } from "../../services/hotline/handlers/acknowledge";
import { createHandler as createComplete } from "../../services/hotline/handlers/complete";
import { createHandler as createGaps } from "../../services/hotline/handlers/gaps";
import { createHandler as createGetTriage } from "../../services/hotline/handlers/get-triage";
import { createHandler as createHangup } from "../../services/hotline/handlers/hangup";
import { createHandler as createIncoming } from "../../services/hotline/handlers/incoming";
import { createHandler as createList } from "../../services/hotline/handlers/list-triages";
import { createHandler as createNext } from "../../services/hotline/handlers/next";
import { createHandler as createOnCall } from "../../services/hotline/handlers/on-call";
import { createHandler as createPutSchedule } from "../../services/hotline/handlers/put-schedule";
import { createHandler as createStep } from "../../services/hotline/handlers/step";
import { auditKey, callKey, triageKey } from "../../services/hotline/keys";
import { sweepTriages } from "../../services/hotline/sweep";
import { staticWebhookCredentials } from "../../services/hotline/webhook-auth";
import type { CatalogueEvent } from "../../shared/events/parse";
import type { HttpEvent } from "../../shared/http/edge";
import { provisionForTest } from "./aws";
import { queueEvents, type ReceivedEvent } from "./events";
import { type Claims, httpEvent } from "./http";
import { invokeHttp } from "./lambda";

export const MUNICIPALITY = "0880";
export const WEBHOOK = { username: "elks-test", password: "test-webhook-password-0123" } as const;
export const BASE_URL = "https://hotline.example.test";
/** The caller: the most sensitive value in the system. */
export const CALLER = "+46706861004";

export const ANNA = { id: "anna", name: "Anna Lind", phone: "+46701000001" } as const;
export const BO = { id: "bo", name: "Bo Ek", phone: "+46701000002" } as const;
export const CILLA = { id: "cilla", name: "Cilla Berg", phone: "+46701000003" } as const;
export const MAJA = { id: "maja", name: "Maja Holm", phone: "+46701000009" } as const;

/** Daily shifts from 27 March 2026 at 08:00 Swedish time: Anna, Bo, Cilla, Anna, … */
export const scheduleBody = (overrides: Record<string, unknown> = {}) => ({
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: { startDate: "2026-03-27", shiftDays: 1, members: [ANNA, BO, CILLA] },
  overrides: [],
  manager: MAJA,
  ringSeconds: 25,
  fallbackMessage: "https://sounds.example.se/avhopp-0880.mp3",
  ...overrides,
});

/** Every staff phone and the caller's number: none may reach a log, an event or a key. */
export const personalStrings = (): string[] => [
  CALLER,
  CALLER.slice(1),
  ANNA.phone,
  BO.phone,
  CILLA.phone,
  MAJA.phone,
  ANNA.name,
  BO.name,
];

export const admin = (municipality = MUNICIPALITY, sub = `admin-${municipality}`): Claims => ({
  sub,
  scope: "hotline:admin",
  municipality,
});
export const onCallStaff = (municipality = MUNICIPALITY, sub = `jour-${municipality}`): Claims => ({
  sub,
  scope: "hotline:handle",
  municipality,
});

let counter = 0;
export const newCallId = (): string => {
  counter += 1;
  return `c${randomUUID().replace(/-/g, "").slice(0, 20)}${counter}`;
};

export const basicAuth = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/** A webhook as API Gateway hands it over: no authorizer, the form body base64-encoded. */
export const webhookEvent = (
  path: string,
  routePath: string,
  pathParameters: Record<string, string>,
  form: Record<string, string>,
  options: { authorization?: string | null; query?: Record<string, string> } = {},
): HttpEvent => {
  const body = new URLSearchParams(form).toString();
  const authorization =
    options.authorization === undefined
      ? basicAuth(WEBHOOK.username, WEBHOOK.password)
      : options.authorization;
  const event = httpEvent({
    method: "POST",
    rawPath: path,
    routePath,
    pathParameters,
    ...(options.query ? { query: options.query } : {}),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(authorization ? { authorization } : {}),
    },
  });
  return { ...event, body: Buffer.from(body, "utf8").toString("base64"), isBase64Encoded: true };
};

/** A field of a parsed JSON answer, for tests that read one value. */
export const field = (body: unknown, ...path: string[]): unknown => {
  let value: unknown = body;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};

const voice = (m: string, hook: string) => ({
  path: `/v1/hotline/voice/${m}/${hook}`,
  routePath: `/v1/hotline/voice/{municipality}/${hook}`,
  params: { municipality: m },
});

/** Every handler of the service on one set of deps, called as API Gateway would call it. */
export const hotlineHandlers = (deps: HotlineDeps) => {
  const incoming = createIncoming(deps);
  const next = createNext(deps);
  const hangup = createHangup(deps);
  const putSchedule = createPutSchedule(deps);
  const onCall = createOnCall(deps);
  const gaps = createGaps(deps);
  const list = createList(deps);
  const get = createGetTriage(deps);
  const recordStep = createStep(deps);
  const acknowledge = createAcknowledge(deps);
  const complete = createComplete(deps);
  const enc = encodeURIComponent;
  const staffEvent = (
    method: "GET" | "POST" | "PUT",
    rawPath: string,
    routePath: string,
    claims: Claims,
    extra: { pathParameters?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
  ) =>
    httpEvent({
      method,
      rawPath,
      routePath,
      claims,
      ...(extra.pathParameters ? { pathParameters: extra.pathParameters } : {}),
      ...(extra.query && Object.keys(extra.query).length ? { query: extra.query } : {}),
      ...(extra.body !== undefined ? { body: extra.body } : {}),
    });
  return {
    incoming: (
      form: Record<string, string>,
      options: { municipality?: string; authorization?: string | null } = {},
    ) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "incoming");
      return invokeHttp(
        incoming,
        "hotline-incoming",
        webhookEvent(v.path, v.routePath, v.params, form, options),
      );
    },
    next: (
      form: Record<string, string>,
      options: { municipality?: string; attempt?: number; authorization?: string | null } = {},
    ) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "next");
      return invokeHttp(
        next,
        "hotline-next",
        webhookEvent(v.path, v.routePath, v.params, form, {
          ...options,
          ...(options.attempt !== undefined ? { query: { attempt: String(options.attempt) } } : {}),
        }),
      );
    },
    hangup: (form: Record<string, string>, options: { municipality?: string } = {}) => {
      const v = voice(options.municipality ?? MUNICIPALITY, "hangup");
      return invokeHttp(hangup, "hotline-hangup", webhookEvent(v.path, v.routePath, v.params, form));
    },
    putSchedule: (body: unknown, claims: Claims = admin(), municipality = MUNICIPALITY) =>
      invokeHttp(
        putSchedule,
        "hotline-put-schedule",
        staffEvent(
          "PUT",
          `/v1/hotline/schedules/${municipality}`,
          "/v1/hotline/schedules/{municipality}",
          claims,
          {
            pathParameters: { municipality },
            body,
          },
        ),
      ),
    onCall: (query: Record<string, string>, claims: Claims = onCallStaff()) =>
      invokeHttp(
        onCall,
        "hotline-on-call",
        staffEvent("GET", "/v1/hotline/on-call", "/v1/hotline/on-call", claims, { query }),
      ),
    gaps: (query: Record<string, string>, claims: Claims = admin(), municipality = MUNICIPALITY) =>
      invokeHttp(
        gaps,
        "hotline-gaps",
        staffEvent(
          "GET",
          `/v1/hotline/schedules/${municipality}/gaps`,
          "/v1/hotline/schedules/{municipality}/gaps",
          claims,
          { pathParameters: { municipality }, query },
        ),
      ),
    list: (query: Record<string, string>, claims: Claims = onCallStaff()) =>
      invokeHttp(
        list,
        "hotline-list-triages",
        staffEvent("GET", "/v1/hotline/triages", "/v1/hotline/triages", claims, { query }),
      ),
    get: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        get,
        "hotline-get-triage",
        staffEvent("GET", `/v1/hotline/triages/${enc(id)}`, "/v1/hotline/triages/{id}", claims, {
          pathParameters: { id },
        }),
      ),
    step: (id: string, step: string, body: unknown, claims: Claims = onCallStaff()) =>
      invokeHttp(
        recordStep,
        "hotline-step",
        staffEvent(
          "PUT",
          `/v1/hotline/triages/${enc(id)}/steps/${enc(step)}`,
          "/v1/hotline/triages/{id}/steps/{step}",
          claims,
          {
            pathParameters: { id, step },
            body,
          },
        ),
      ),
    acknowledge: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        acknowledge,
        "hotline-acknowledge",
        staffEvent(
          "POST",
          `/v1/hotline/triages/${enc(id)}/acknowledge`,
          "/v1/hotline/triages/{id}/acknowledge",
          claims,
          {
            pathParameters: { id },
          },
        ),
      ),
    complete: (id: string, claims: Claims = onCallStaff()) =>
      invokeHttp(
        complete,
        "hotline-complete",
        staffEvent(
          "POST",
          `/v1/hotline/triages/${enc(id)}/complete`,
          "/v1/hotline/triages/{id}/complete",
          claims,
          {
            pathParameters: { id },
          },
        ),
      ),
  };
};

export type HotlineHandlers = ReturnType<typeof hotlineHandlers>;

/** The call or triage an event is about: its callId, triageId, or the breach's subject. */
const idsOf = (event: CatalogueEvent): string[] => {
  const data = event.data as { callId?: unknown; triageId?: unknown; subject?: { id?: unknown } };
  return [data.callId, data.triageId, data.subject?.id].filter((v): v is string => typeof v === "string");
};

export const eventLog = (queueUrls: Readonly<Partial<Record<string, string>>>) => {
  const { drain } = queueEvents(queueUrls);
  return {
    drain,
    /** Events about a call or triage on one queue (default pilot-reports, which gets them all). */
    async about(ids: readonly string[], queue = "pilot-reports"): Promise<ReceivedEvent[]> {
      return (await drain()).filter(
        (r) => r.queue === queue && idsOf(r.event).some((id) => ids.includes(id)),
      );
    },
  };
};

/**
 * A fresh table and queues, deps on a clock pinned at `now`, the handlers and readers for the table.
 * SMS is not configured and there is no default message unless `options` say otherwise, whatever
 * the machine's environment holds.
 */
export const hotlineFixture = async (now: Date, options: HotlineDepsOptions = {}) => {
  const resources = await provisionForTest(["hotline"]);
  const runtime = resources.testRuntime("hotline", { publicBaseUrl: BASE_URL });
  runtime.clock.set(now);
  const deps = createDeps(runtime, {
    webhookCredentials: staticWebhookCredentials(WEBHOOK),
    sms: staticSmsConfig(undefined),
    defaultMessageUrl: undefined,
    ...options,
  });
  const { doc, tableName } = deps;
  const getItem = async (key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  return {
    resources,
    runtime,
    clock: runtime.clock,
    deps,
    h: hotlineHandlers(deps),
    events: eventLog(resources.queueUrls),
    sweep: () => sweepTriages(deps),
    call: (callId: string) => getItem(callKey(callId)),
    triage: (id: string) => getItem(triageKey(id)),
    async audit(triageId: string): Promise<Record<string, unknown>[]> {
      const { pk } = auditKey(`TRIAGE#${triageId}`, new Date(0), "x");
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
        }),
      );
      return out.Items ?? [];
    },
    /** Every item in the table (a test-only Scan): for "nothing written" and "no number at rest". */
    async items(): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
        );
        items.push(...(out.Items ?? []));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
      return items;
    },
  };
};

export type HotlineFixture = Awaited<ReturnType<typeof hotlineFixture>>;

/** What reached a fake HTTP server. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const listen = async (server: ReturnType<typeof createServer>): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the server has no TCP address");
  return `http://127.0.0.1:${address.port}`;
};

const readBody = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
};

/**
 * A stand-in for 46elks's SMS API on 127.0.0.1: records every request and answers with the next
 * status queued by `answer(...)` (then 200, as 46elks does with the message's JSON; 0: no answer).
 */
export const fakeSmsApi = async () => {
  const requests: RecordedRequest[] = [];
  const queued: number[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const status = queued.shift() ?? 200;
      // 0: never answer, like an API that hangs; the socket closes with the server.
      if (status === 0) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(status === 200 ? JSON.stringify({ status: "created", id: "s1" }) : "{}");
    });
  });
  const url = await listen(server);
  return {
    url,
    requests,
    answer: (...statuses: number[]) => queued.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A DynamoDB endpoint that is really DynamoDB Local, except that every TransactWriteItems is
 * answered the way DynamoDB answers when throttled: reads work, writes fail.
 */
export const throttlingDynamoProxy = async (target: string) => {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (req.headers["x-amz-target"] === "DynamoDB_20120810.TransactWriteItems") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
        res.end(
          JSON.stringify({
            __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException",
            message: "Rate of requests exceeds the allowed throughput.",
          }),
        );
        return;
      }
      const forward = httpRequest(
        new URL(req.url ?? "/", target),
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(body);
    });
  });
  const endpoint = await listen(server);
  return { endpoint, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** A loopback port nothing listens on: connections are refused at once. */
export const closedPort = async (): Promise<string> => {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
};

/** A DynamoDB client for `endpoint` that gives up after one attempt, so a failure shows at once. */
export const oneShotDynamo = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    region: "eu-north-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });

export { captureOutput } from "./output";

/** The JSON log lines in captured output that carry this message. */
export const logLines = (text: string, message: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((line) => line.includes(message))
    .map((line): unknown => JSON.parse(line))
    .filter((line): line is Record<string, unknown> => typeof line === "object" && line !== null);
export type { ReceivedEvent } from "./events";
export type { Answer } from "./lambda";
