/**
 * Helpers for the intake integration tests: bodies, staff claims, the handlers wired to one set
 * of deps and called as API Gateway would, the queue consumer fed SQS events, other services'
 * events with a sealed identity, and readers for what the table and the queues hold.
 */
import { randomUUID } from "node:crypto";
import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { SQSBatchResponse, SQSEvent } from "aws-lambda";
import { createDeps, type IntakeDeps } from "../../services/intake/deps";
import { createHandler as createAssign } from "../../services/intake/handlers/assign";
import { createHandler as createAudit } from "../../services/intake/handlers/audit";
import { createHandler as createClose } from "../../services/intake/handlers/close";
import { createHandler as createConsumer } from "../../services/intake/handlers/consumer";
import { createHandler as createConversation } from "../../services/intake/handlers/conversation";
import { createHandler as createCreate } from "../../services/intake/handlers/create";
import { createHandler as createDecision } from "../../services/intake/handlers/decision";
import { createHandler as createGet } from "../../services/intake/handlers/get";
import { createHandler as createList } from "../../services/intake/handlers/list";
import { createHandler as createListCaseworkers } from "../../services/intake/handlers/list-caseworkers";
import { createHandler as createProtection } from "../../services/intake/handlers/protection-assessment";
import { createHandler as createPutCaseworker } from "../../services/intake/handlers/put-caseworker";
import { referralKey } from "../../services/intake/keys";
import { sweepDeadlines } from "../../services/intake/sweep";
import { hotlineTriageCompleted } from "../../shared/events/catalogue/hotline";
import {
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../shared/events/catalogue/release-notices";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import type { CatalogueEvent } from "../../shared/events/parse";
import type { HttpEvent, HttpLambda } from "../../shared/http/edge";
import { parseIdentityNumber, seal, subjectRef } from "../../shared/identity";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../shared/runtime/keys";
import { provisionForTest } from "./aws";
import { queueEvents } from "./events";
import { type Claims, httpEvent } from "./http";
import { personnummer, type TestIdentity } from "./identities";
import { type Answer, invokeHttp, lambdaContext } from "./lambda";

export { personnummer, type TestIdentity } from "./identities";

// ---------------------------------------------------------------------------------------------
// People: ages are on the tests' usual receipt day, 23 November 2026.

/** 14 years old: a child. */
export const CHILD = personnummer("20120510", "123");
/** Turns 18 on 24 November 2026. */
export const TURNS_18 = personnummer("20081124", "234");
/** 24: a young adult. */
export const YOUNG_ADULT = personnummer("20020202", "345");
/** 40. */
export const ADULT = personnummer("19860606", "456");

export const SCOPE = {
  write: "referrals:write",
  read: "referrals:read",
  manage: "referrals:manage",
  audit: "audit:read",
};

export const staff = (municipality: string, sub = `handlaggare-${municipality}`): Claims => ({
  sub,
  scope: `${SCOPE.read} ${SCOPE.manage} ${SCOPE.audit}`,
  municipality,
});
/** A school's or the Police's system: may post referrals, for one municipality or any. */
export const reporter = (municipality?: string): Claims => ({
  sub: "reporting-system",
  scope: SCOPE.write,
  ...(municipality ? { municipality } : {}),
});

export interface ReferralBody {
  kind: string;
  municipality: string;
  subject: { personalIdentityNumber: string };
  receivedAt?: string;
  firstOffence?: boolean;
  reporter: { role: string };
  summary?: string;
}

export const SUMMARY = "Eleven berättar om hot från en äldre kamrat; mamman Lisa Svensson är orolig.";

export const referralBody = (overrides: Partial<ReferralBody> = {}): ReferralBody => ({
  kind: "concern",
  municipality: "0880",
  subject: { personalIdentityNumber: CHILD.thirteen },
  reporter: { role: "school" },
  summary: SUMMARY,
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// Handlers

const invoke = (fn: HttpLambda, event: HttpEvent): Promise<Answer> => invokeHttp(fn, "intake", event);

const enc = encodeURIComponent;

export const intakeHandlers = (deps: IntakeDeps) => {
  const fns = {
    create: createCreate(deps),
    list: createList(deps),
    get: createGet(deps),
    protection: createProtection(deps),
    decision: createDecision(deps),
    conversation: createConversation(deps),
    assign: createAssign(deps),
    close: createClose(deps),
    putCaseworker: createPutCaseworker(deps),
    listCaseworkers: createListCaseworkers(deps),
    audit: createAudit(deps),
  };
  const onReferral = (fn: HttpLambda, action: string) => (id: string, body: unknown, claims: Claims) =>
    invoke(
      fn,
      httpEvent({
        method: "POST",
        rawPath: `/v1/referrals/${enc(id)}/${action}`,
        routePath: `/v1/referrals/{id}/${action}`,
        pathParameters: { id },
        body,
        claims,
      }),
    );
  return {
    post: (body: unknown, claims: Claims = reporter(), headers?: Record<string, string>) =>
      invoke(
        fns.create,
        httpEvent({
          method: "POST",
          rawPath: "/v1/referrals",
          routePath: "/v1/referrals",
          body,
          claims,
          ...(headers ? { headers } : {}),
        }),
      ),
    list: (query: Record<string, string>, claims: Claims) =>
      invoke(
        fns.list,
        httpEvent({
          method: "GET",
          rawPath: "/v1/referrals",
          routePath: "/v1/referrals",
          ...(Object.keys(query).length ? { query } : {}),
          claims,
        }),
      ),
    get: (id: string, claims: Claims) =>
      invoke(
        fns.get,
        httpEvent({
          method: "GET",
          rawPath: `/v1/referrals/${enc(id)}`,
          routePath: "/v1/referrals/{id}",
          pathParameters: { id },
          claims,
        }),
      ),
    protection: onReferral(fns.protection, "protection-assessment"),
    decision: onReferral(fns.decision, "decision"),
    conversation: onReferral(fns.conversation, "first-offence-conversation"),
    assign: onReferral(fns.assign, "assign"),
    close: onReferral(fns.close, "close"),
    putCaseworker: (unit: string, caseworkerId: string, body: unknown, claims: Claims) =>
      invoke(
        fns.putCaseworker,
        httpEvent({
          method: "PUT",
          rawPath: `/v1/units/${enc(unit)}/caseworkers/${enc(caseworkerId)}`,
          routePath: "/v1/units/{unit}/caseworkers/{caseworkerId}",
          pathParameters: { unit, caseworkerId },
          body,
          claims,
        }),
      ),
    listCaseworkers: (unit: string, claims: Claims) =>
      invoke(
        fns.listCaseworkers,
        httpEvent({
          method: "GET",
          rawPath: `/v1/units/${enc(unit)}/caseworkers`,
          routePath: "/v1/units/{unit}/caseworkers",
          pathParameters: { unit },
          claims,
        }),
      ),
    audit: (query: Record<string, string>, claims: Claims) =>
      invoke(
        fns.audit,
        httpEvent({ method: "GET", rawPath: "/v1/audit", routePath: "/v1/audit", query, claims }),
      ),
  };
};

// ---------------------------------------------------------------------------------------------
// Other services' events, as they arrive on the intake queue

const keys = parseKeySecret(DEVELOPMENT_KEYS_JSON);
const sealingKey = () => {
  const key = keys.sealingKeys.get(keys.sealingKid);
  if (!key) throw new Error("no development sealing key");
  return { kid: keys.sealingKid, key };
};

export const sealed = (person: TestIdentity): string => seal(person.canonical, sealingKey());
export const refOf = (person: TestIdentity): string => {
  const identity = parseIdentityNumber(person.thirteen, new Date("2026-11-23T12:00:00Z"));
  if (!identity) throw new Error("not a valid test identity");
  return subjectRef(identity, keys.linkingKey);
};

export const noticeFacts = (
  noticeId: string,
  person: TestIdentity,
  overrides: { receivedAt?: string; expectedReleaseDate?: string } = {},
) => ({
  noticeId,
  expectedReleaseDate: overrides.expectedReleaseDate ?? "2027-04-15",
  releaseType: "conditional" as const,
  needs: ["housing" as const],
  receivedAt: overrides.receivedAt ?? "2026-11-23T09:00:00.000Z",
  leadDays: 143,
  onTime: true,
  planDueDate: overrides.expectedReleaseDate ?? "2027-04-15",
  subjectRef: refOf(person),
  subjectSealed: sealed(person),
});

const envelope = { source: "release-notices" as const, correlationId: "test-correlation" };

export const noticeReceived = (noticeId: string, person: TestIdentity, municipality = "0880") =>
  newEvent(releaseNoticeReceived, {
    ...envelope,
    municipality,
    occurredAt: new Date("2026-11-23T09:00:00Z"),
    data: noticeFacts(noticeId, person),
  });

export const noticeUpdated = (
  noticeId: string,
  person: TestIdentity,
  expectedReleaseDate: string,
  updatedAt: string,
  municipality = "0880",
) =>
  newEvent(releaseNoticeUpdated, {
    ...envelope,
    municipality,
    occurredAt: new Date(updatedAt),
    data: {
      ...noticeFacts(noticeId, person, { expectedReleaseDate }),
      updatedAt,
      previousExpectedReleaseDate: "2027-04-15",
    },
  });

export const noticeWithdrawn = (noticeId: string, person: TestIdentity, municipality = "0880") =>
  newEvent(releaseNoticeWithdrawn, {
    ...envelope,
    municipality,
    occurredAt: new Date("2026-11-24T09:00:00Z"),
    data: { noticeId, withdrawnAt: "2026-11-24T09:00:00.000Z", subjectRef: refOf(person) },
  });

export const planReady = (noticeId: string, readyAt: string, municipality = "0880") =>
  newEvent(releasePlanReady, {
    ...envelope,
    municipality,
    occurredAt: new Date(readyAt),
    data: {
      noticeId,
      readyAt,
      planDueDate: "2027-04-15",
      byReleaseDate: readyAt < "2027-04-14T22:00:00.000Z",
    },
  });

export const triageCompleted = (
  triageId: string,
  person: TestIdentity | undefined,
  financialAssistance: "done" | "not-needed",
  municipality = "0880",
) =>
  newEvent(hotlineTriageCompleted, {
    source: "hotline",
    correlationId: "test-correlation",
    municipality,
    occurredAt: new Date("2026-11-23T20:00:00Z"),
    data: {
      triageId,
      callId: `call-${triageId}`,
      origin: "answered",
      receivedAt: "2026-11-23T08:00:00.000Z",
      completedAt: "2026-11-23T20:00:00.000Z",
      dueAt: "2026-11-24T08:00:00.000Z",
      withinDeadline: true,
      hoursToComplete: 12,
      steps: {
        "threat-assessment": "done",
        "protective-placement": "not-needed",
        decision: "done",
        "financial-assistance": financialAssistance,
      },
      ...(person ? { subject: { subjectRef: refOf(person), subjectSealed: sealed(person) } } : {}),
    },
  });

/** An SQS batch as Lambda's event source mapping hands it over; each body is sent as it is. */
export const sqsBatch = (bodies: readonly (Envelope | string)[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m-${i}-${randomUUID()}`,
    receiptHandle: `rh-${i}`,
    body: typeof body === "string" ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: "1",
      SentTimestamp: "0",
      SenderId: "test",
      ApproximateFirstReceiveTimestamp: "0",
    },
    messageAttributes: {},
    md5OfBody: "",
    eventSource: "aws:sqs",
    eventSourceARN: "arn:aws:sqs:eu-north-1:000000000000:intake",
    awsRegion: "eu-north-1",
  })),
});

// ---------------------------------------------------------------------------------------------
// A fixture: one service on its own table and queues

export const intakeFixture = async (now: Date) => {
  const resources = await provisionForTest(["intake"]);
  const runtime = resources.testRuntime("intake");
  runtime.clock.set(now);
  const deps = createDeps(runtime);
  const { doc, tableName } = deps;
  const consumer = createConsumer(deps);
  const pilotQueue = resources.queueUrls["pilot-reports"];
  if (!pilotQueue) throw new Error("no pilot-reports queue");
  const fannedOut = queueEvents({ "pilot-reports": pilotQueue });
  return {
    resources,
    clock: runtime.clock,
    deps,
    h: intakeHandlers(deps),
    consume: (bodies: readonly (Envelope | string)[]): Promise<SQSBatchResponse> =>
      consumer(sqsBatch(bodies), lambdaContext("intake-consumer")),
    sweep: () => sweepDeadlines(deps),
    /** Every event fanned out so far (the pilot-reports queue receives them all). */
    async events(): Promise<CatalogueEvent[]> {
      return (await fannedOut.drain()).map((r) => r.event);
    },
    async stored(id: string): Promise<Record<string, unknown> | undefined> {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: referralKey(id), ConsistentRead: true }),
      );
      return out.Item;
    },
    /** Every referral row, by its key prefix; tests' tables are tiny, so a Scan is fine here. */
    async referralIds(): Promise<string[]> {
      const out = await doc.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: "sk = :ref",
          ExpressionAttributeValues: { ":ref": "REF" },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((i) => String(i.id));
    },
    async itemCount(): Promise<number> {
      const out = await doc.send(
        new ScanCommand({ TableName: tableName, Select: "COUNT", ConsistentRead: true }),
      );
      return out.Count ?? 0;
    },
    async auditRows(id: string): Promise<Record<string, unknown>[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": `AUDIT#${id}` },
          ConsistentRead: true,
        }),
      );
      return out.Items ?? [];
    },
  };
};

export type IntakeFixture = Awaited<ReturnType<typeof intakeFixture>>;

/** The referral id an event is about. */
export const referralIdOf = (event: CatalogueEvent): string | undefined => {
  const data = event.data as { referralId?: unknown; subject?: { id?: unknown } };
  if (typeof data.referralId === "string") return data.referralId;
  if (typeof data.subject?.id === "string") return data.subject.id;
  return undefined;
};
export type { Answer } from "./lambda";
