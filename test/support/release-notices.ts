/**
 * Helpers for the release-notices integration tests: valid identity numbers, a valid notice body,
 * API Gateway HTTP API v2 events with verified JWT claims, the handlers wired to one set of deps,
 * and a reader that collects the events fanned out to the consumer queues.
 */
import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { ReleaseNoticesDeps } from "../../services/release-notices/deps";
import { createDeps } from "../../services/release-notices/deps";
import { createHandler as createCreate } from "../../services/release-notices/handlers/create";
import { createHandler as createGet } from "../../services/release-notices/handlers/get";
import { createHandler as createList } from "../../services/release-notices/handlers/list";
import { createHandler as createPlan } from "../../services/release-notices/handlers/plan";
import { createHandler as createUpdate } from "../../services/release-notices/handlers/update";
import { createHandler as createWithdraw } from "../../services/release-notices/handlers/withdraw";
import { auditSubjectKey, noticeKey } from "../../services/release-notices/store/keys";
import { auditPartition } from "../../shared/audit-trail";
import type { CatalogueEvent } from "../../shared/events/parse";
import { provisionForTest } from "./aws";
import { queueEvents, type ReceivedEvent } from "./events";
import { type Claims, httpEvent } from "./http";
import { PERSON, type TestIdentity } from "./identities";
import { invokeHttp } from "./lambda";

export const CONTACT = {
  name: "Anna Andersson",
  phone: "+46101234567",
  email: "anna.andersson@kriminalvarden.se",
} as const;

/** Personal data that must never appear in an event, a log line or an error. */
export const personalStrings = (identity: TestIdentity = PERSON): string[] => [
  ...identity.forms,
  CONTACT.name,
  CONTACT.phone,
  CONTACT.email,
];

// ---------------------------------------------------------------------------------------------
// Bodies

export interface NoticeBody {
  noticeId: string;
  municipality: string;
  person: { personalIdentityNumber: string };
  institution: string;
  expectedReleaseDate: string;
  releaseType: string;
  needs: string[];
  contact: { name: string; phone: string; email: string };
}

let counter = 0;
/** Unique across workers and runs: Kriminalvården's id format, with a random tail. */
export const newNoticeId = (): string => {
  counter += 1;
  return `KV-${randomUUID().slice(0, 8)}-${counter}`;
};

export const noticeBody = (overrides: Partial<NoticeBody> = {}): NoticeBody => ({
  noticeId: newNoticeId(),
  municipality: "0880",
  person: { personalIdentityNumber: PERSON.thirteen },
  institution: "Anstalten Kumla",
  expectedReleaseDate: "2026-06-15",
  releaseType: "conditional",
  needs: ["housing", "employment"],
  contact: { ...CONTACT },
  ...overrides,
});

/** The update body: the notice restated, without its id. */
export const updateBody = (body: NoticeBody, overrides: Partial<Omit<NoticeBody, "noticeId">> = {}) => {
  const { noticeId: _id, ...rest } = body;
  return { ...rest, ...overrides };
};

// ---------------------------------------------------------------------------------------------
// Callers

/** Kriminalvården's machine client: write scope, no municipality. */
export const KRIMINALVARDEN: Claims = {
  sub: "kriminalvarden-client",
  scope: "release-notices:write national",
};
export const staff = (municipality: string, sub = `staff-${municipality}`): Claims => ({
  sub,
  scope: "release-notices:read release-notices:manage",
  municipality,
});

const enc = encodeURIComponent;

/** Every HTTP handler of the service on one set of deps, called as API Gateway would call it. */
export const releaseNoticeHandlers = (deps: ReleaseNoticesDeps) => {
  const create = createCreate(deps);
  const update = createUpdate(deps);
  const withdraw = createWithdraw(deps);
  const get = createGet(deps);
  const list = createList(deps);
  const plan = createPlan(deps);
  return {
    post: (body: unknown, claims: Claims | undefined = KRIMINALVARDEN, headers?: Record<string, string>) =>
      invokeHttp(
        create,
        "release-notices-create",
        httpEvent({
          method: "POST",
          rawPath: "/v1/release-notices",
          routePath: "/v1/release-notices",
          body,
          ...(claims ? { claims } : {}),
          ...(headers ? { headers } : {}),
        }),
      ),
    put: (noticeId: string, body: unknown, claims: Claims = KRIMINALVARDEN) =>
      invokeHttp(
        update,
        "release-notices-update",
        httpEvent({
          method: "PUT",
          rawPath: `/v1/release-notices/${enc(noticeId)}`,
          routePath: "/v1/release-notices/{noticeId}",
          pathParameters: { noticeId },
          body,
          claims,
        }),
      ),
    withdraw: (noticeId: string, body: unknown = {}, claims: Claims = KRIMINALVARDEN) =>
      invokeHttp(
        withdraw,
        "release-notices-withdraw",
        httpEvent({
          method: "POST",
          rawPath: `/v1/release-notices/${enc(noticeId)}/withdraw`,
          routePath: "/v1/release-notices/{noticeId}/withdraw",
          pathParameters: { noticeId },
          body,
          claims,
        }),
      ),
    get: (noticeId: string, claims: Claims = KRIMINALVARDEN) =>
      invokeHttp(
        get,
        "release-notices-get",
        httpEvent({
          method: "GET",
          rawPath: `/v1/release-notices/${enc(noticeId)}`,
          routePath: "/v1/release-notices/{noticeId}",
          pathParameters: { noticeId },
          claims,
        }),
      ),
    list: (query: Record<string, string>, claims: Claims) =>
      invokeHttp(
        list,
        "release-notices-list",
        httpEvent({
          method: "GET",
          rawPath: "/v1/release-notices",
          routePath: "/v1/release-notices",
          ...(Object.keys(query).length ? { query } : {}),
          claims,
        }),
      ),
    plan: (noticeId: string, body: unknown, claims: Claims) =>
      invokeHttp(
        plan,
        "release-notices-plan",
        httpEvent({
          method: "POST",
          rawPath: `/v1/release-notices/${enc(noticeId)}/plan`,
          routePath: "/v1/release-notices/{noticeId}/plan",
          pathParameters: { noticeId },
          body,
          claims,
        }),
      ),
  };
};

export type ReleaseNoticeHandlers = ReturnType<typeof releaseNoticeHandlers>;

/** The notice an event is about: `data.noticeId`, or the breach's subject id. */
export const noticeIdOf = (event: CatalogueEvent): string | undefined => {
  const data = event.data as { noticeId?: unknown; subject?: { id?: unknown } };
  if (typeof data.noticeId === "string") return data.noticeId;
  if (typeof data.subject?.id === "string") return data.subject.id;
  return undefined;
};

const STATUS_CHANGED = "release-notice.status-changed";

export const eventLog = (queueUrls: Readonly<Partial<Record<string, string>>>) => {
  const { drain } = queueEvents(queueUrls);
  return {
    drain,
    /**
     * Every event about this notice so far, on every queue, but the status changes fanned out for
     * delivery to Kriminalvården's receiver (those: `statusChanges`).
     */
    async about(noticeId: string, type?: string): Promise<ReceivedEvent[]> {
      return (await drain()).filter(
        (r) =>
          noticeIdOf(r.event) === noticeId &&
          r.event.type !== STATUS_CHANGED &&
          (type === undefined || r.event.type === type),
      );
    },
    /** The status changes of this notice, as fanned out to the delivery queue and pilot reports. */
    async statusChanges(noticeId: string): Promise<ReceivedEvent[]> {
      return (await drain()).filter(
        (r) => noticeIdOf(r.event) === noticeId && r.event.type === STATUS_CHANGED,
      );
    },
  };
};

// ---------------------------------------------------------------------------------------------
// One service on its own table and queues

/**
 * A fresh table and queues, deps on a clock pinned at `now`, the handlers, the event log, and
 * readers for what the table holds.
 */
export const releaseNoticesFixture = async (now: Date) => {
  const resources = await provisionForTest(["release-notices"]);
  const runtime = resources.testRuntime("release-notices");
  runtime.clock.set(now);
  const deps = createDeps(runtime);
  const { doc, tableName } = deps;
  return {
    resources,
    runtime,
    clock: runtime.clock,
    deps,
    h: releaseNoticeHandlers(deps),
    events: eventLog(resources.queueUrls),
    /** The notice as stored (consistent read), or undefined. */
    async stored(noticeId: string): Promise<Record<string, unknown> | undefined> {
      const out = await doc.send(
        new GetCommand({ TableName: tableName, Key: noticeKey(noticeId), ConsistentRead: true }),
      );
      return out.Item;
    },
    /** Writes an item as it is, past every rule: for data stored by an older version, or tampered with. */
    async overwrite(item: Record<string, unknown>): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: item }));
    },
    /** The notice's audit trail, oldest first. */
    async audit(noticeId: string): Promise<Record<string, unknown>[]> {
      const pk = auditPartition("release-notices", auditSubjectKey(noticeId));
      const out = await doc.send(
        new QueryCommand({
          TableName: deps.auditTableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk },
          ConsistentRead: true,
        }),
      );
      return out.Items ?? [];
    },
    /** Every item in the table and the audit table: what "nothing written" is measured by. */
    async itemCount(): Promise<number> {
      let count = 0;
      for (const TableName of [tableName, deps.auditTableName]) {
        let startKey: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new ScanCommand({
              TableName,
              Select: "COUNT",
              ConsistentRead: true,
              ExclusiveStartKey: startKey,
            }),
          );
          count += out.Count ?? 0;
          startKey = out.LastEvaluatedKey;
        } while (startKey);
      }
      return count;
    },
  };
};

export type ReleaseNoticesFixture = Awaited<ReturnType<typeof releaseNoticesFixture>>;
export type { ReceivedEvent } from "./events";
export type { Claims } from "./http";
export { httpEvent } from "./http";
export { OTHER_PERSON, PERSON, personnummer, type TestIdentity, withCheckDigit } from "./identities";
export type { Answer } from "./lambda";
