/**
 * The request or event each function answers in the cold-start bench (cold.ts): a realistic one
 * where this file knows how to make it (the telephony webhooks on a call in progress, reads of
 * what is stored, a new release notice, referral, receiver, caseworker or month's figures),
 * otherwise what API Gateway, SQS or EventBridge would hand it with path and query filled in and no
 * body. The table names each first answer's status, so that a function
 * answered with a 4xx (its body refused before any storage call) is not read as a full request.
 */
import { randomUUID } from "node:crypto";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { derivedCredentials } from "../../services/hotline/webhook-auth";
import type { HttpRoute } from "../../shared/service";
import { referralBody } from "../support/intake-people";
import { noticeBody } from "../support/release-notices";
import { ALWAYS_ON_CALL_SCHEDULE } from "./hotline-schedule";
import { CREDENTIALS, HOTLINE_NUMBER, incomingEvent, MUNICIPALITY } from "./hotline-webhook-event";

export { CREDENTIALS, HOTLINE_NUMBER, MUNICIPALITY };

/** A ULID no record has: reads of it are answered 404 after one GetItem. */
const UNKNOWN_ID = "01HZY00000000000000000000A";

const PARAMS: Readonly<Record<string, string>> = {
  municipality: MUNICIPALITY,
  code: MUNICIPALITY,
  noticeId: UNKNOWN_ID,
  id: UNKNOWN_ID,
  interventionId: UNKNOWN_ID,
  type: "first-assessment",
  step: "threat-assessment",
  unit: "mottag-barn",
  caseworkerId: "cold-bench",
  month: "2026-10",
};

const QUERY: Readonly<Record<string, Record<string, string>>> = {
  "hotline-on-call": { municipality: MUNICIPALITY },
  "hotline-list-triages": { status: "open" },
  "hotline-audit": { triage: UNKNOWN_ID },
  "intake-audit": { referral: UNKNOWN_ID },
  "pilot-reports-report": { municipality: MUNICIPALITY, from: "2026-01", to: "2026-06" },
  "pilot-reports-submissions": { municipality: MUNICIPALITY, from: "2026-01", to: "2026-06" },
  "release-notices-list": { status: "received" },
  "release-notices-audit": { notice: UNKNOWN_ID },
};

export const daysAhead = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Bodies for the routes that make a record, each new (a warm request makes another): a release
 * notice from Kriminalvården and a concern report, as the integrators post them.
 */
const BODIES: Readonly<Record<string, () => unknown>> = {
  // Posted four months ahead of the release, as Kriminalvården posts them.
  "release-notices-create": () =>
    noticeBody({ municipality: MUNICIPALITY, expectedReleaseDate: daysAhead(120) }),
  "intake-create": () => referralBody({ municipality: MUNICIPALITY }),
  // The bench's own client's receiver: the status delivery's events are for another client.
  "release-notices-subscription-put": () => ({
    url: "https://receiver.example.se/ny-riktning",
    secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
  }),
  "intake-put-caseworker": () => ({ name: "Kim Kallstart", capacity: 12 }),
  // The schedule the webhooks ring by, put again: a call still reaches someone.
  "hotline-put-schedule": () => ALWAYS_ON_CALL_SCHEDULE,
  // A change from tomorrow that changes nothing: today's deadlines stay as they are.
  "intake-put-settings": () => ({ effectiveFrom: daysAhead(1) }),
  "pilot-reports-submit": () => ({
    metrics: { "hotline-calls": 14, "hotline-calls-answered-first": 11 },
    source: "Procapita",
  }),
};

const WEBHOOK = derivedCredentials(CREDENTIALS.username, CREDENTIALS.password, MUNICIPALITY);
const WEBHOOK_AUTHORIZATION = `Basic ${Buffer.from(`${WEBHOOK.username}:${WEBHOOK.password}`).toString("base64")}`;

/** Payload 2.0 after the JWT authorizer: a caller of the municipality with the route's scopes. */
export const httpEvent = (
  route: HttpRoute,
  functionId: string,
  options: {
    body?: string;
    contentType?: string;
    query?: Record<string, string>;
    /** Path parameters of this event, over PARAMS. */
    params?: Record<string, string>;
  } = {},
) => {
  const params: Record<string, string> = { ...PARAMS, ...options.params };
  const pathParameters = Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, params[name ?? ""] ?? "x"]),
  );
  const rawPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) => pathParameters[name] ?? "x");
  const query = options.query ?? QUERY[functionId] ?? {};
  const body = options.body ?? (BODIES[functionId] ? JSON.stringify(BODIES[functionId]?.()) : undefined);
  const requestId = randomUUID();
  const scopes = route.auth.type === "jwt" ? route.auth.scopes.join(" ") : "";
  return {
    version: "2.0",
    routeKey: `${route.method} ${route.path}`,
    rawPath,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {
      host: "api.local",
      ...(route.auth.type === "webhook" ? { authorization: WEBHOOK_AUTHORIZATION } : {}),
      ...(body ? { "content-type": options.contentType ?? "application/json" } : {}),
    },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    pathParameters,
    ...(body ? { body, isBase64Encoded: false } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "cold",
      domainName: "api.local",
      domainPrefix: "api",
      http: {
        method: route.method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "cold",
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: "$default",
      time: "01/Jan/2026:00:00:00 +0000",
      timeEpoch: Date.now(),
      authorizer: {
        jwt: { claims: { sub: "cold-bench", scope: scopes, municipality: MUNICIPALITY }, scopes: [] },
        principalId: "",
        integrationLatency: 0,
      },
    },
  };
};

/** An SQS batch of one record with this body (an event's envelope, or anything else). */
export const queueEventOf = (body: unknown) => ({
  Records: [
    {
      messageId: randomUUID(),
      receiptHandle: "cold",
      body: JSON.stringify(body),
      attributes: { ApproximateReceiveCount: "1" },
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:eu-north-1:000000000000:cold",
      awsRegion: "eu-north-1",
    },
  ],
});

/** For a queue without a fixture of its own: a body that is no event of the catalogue, refused. */
const queueEvent = () => queueEventOf({ id: UNKNOWN_ID, type: "cold.bench", version: 1 });

const scheduleEvent = () => ({
  version: "0",
  id: randomUUID(),
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "000000000000",
  time: new Date().toISOString(),
  region: "eu-north-1",
  resources: [],
  detail: {},
});

/** Makes the event a function answers in the bench, after storing what it needs. */
export type EventMaker = () => Promise<unknown>;

/** The route of an HTTP function, which the bench's fixtures must name rightly. */
export const routeFor = (functionId: string): HttpRoute => {
  const route = routeOf(functionId);
  if (!route) throw new Error(`no route for ${functionId}`);
  return route;
};

export const routeOf = (functionId: string): HttpRoute | undefined => {
  for (const service of SERVICE_DEFINITIONS) {
    for (const f of service.functions) if (f.id === functionId && f.kind === "http") return f.route;
  }
  return undefined;
};

/** The generic event for a function without a fixture of its own. */
export const genericEvent = (functionId: string, kind: string): unknown => {
  if (kind === "queue") return queueEvent();
  if (kind === "schedule") return scheduleEvent();
  const route = routeOf(functionId);
  if (!route) throw new Error(`no route for ${functionId}`);
  return httpEvent(route, functionId);
};

/** A new call to the hotline: what the provider posts when someone rings. */
export const incomingCall = () => incomingEvent(`cold${randomUUID().slice(0, 8)}`, randomUUID());
