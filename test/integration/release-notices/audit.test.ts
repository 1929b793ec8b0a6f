/**
 * GET /v1/release-notices/audit: the auditor (scope audit:read) reads who read or changed a notice,
 * by person and period, page by page, in their own municipality only; DynamoDB Local underneath.
 */
import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { noticeAuditListSchema } from "../../../services/release-notices/contract-audit";
import { createHandler } from "../../../services/release-notices/handlers/audit";
import { noticeKey } from "../../../services/release-notices/store/keys";
import { problemSchema } from "../../../shared/http/problem";
import { httpEvent } from "../../support/http";
import { invokeHttp } from "../../support/lambda";
import {
  type Answer,
  type Claims,
  KRIMINALVARDEN,
  noticeBody,
  personalStrings,
  type ReleaseNoticesFixture,
  releaseNoticesFixture,
  staff,
} from "../../support/release-notices";

/** 00:30 on Thursday 15 January 2026 in Sweden, still the 14th in UTC. */
const POSTED = new Date("2026-01-14T23:30:00Z");
const READ = new Date("2026-01-16T10:00:00Z");
const PLANNED = new Date("2026-01-17T10:00:00Z");

const AUDITOR: Claims = { sub: "granskare-1", scope: "audit:read", municipality: "0880" };
const NATIONAL_AUDITOR: Claims = { sub: "ivo-granskare", scope: "audit:read national" };
const READER = staff("0880", "handlaggare-1");
const PLANNER = staff("0880", "handlaggare-2");

let f: ReleaseNoticesFixture;
let audit: (query: Record<string, string>, claims?: Claims) => Promise<Answer>;
let noticeId: string;
let otherNoticeId: string;

beforeAll(async () => {
  f = await releaseNoticesFixture(POSTED);
  const fn = createHandler(f.deps);
  audit = (query, claims = AUDITOR) =>
    invokeHttp(
      fn,
      "release-notices-audit",
      httpEvent({
        method: "GET",
        rawPath: "/v1/release-notices/audit",
        routePath: "/v1/release-notices/audit",
        query,
        claims,
      }),
    );
  const body = noticeBody();
  noticeId = body.noticeId;
  expect((await f.h.post(body)).status).toBe(201);
  const other = noticeBody({ municipality: "1480" });
  otherNoticeId = other.noticeId;
  expect((await f.h.post(other)).status).toBe(201);
  f.clock.set(READ);
  expect((await f.h.get(noticeId, READER)).status).toBe(200);
  expect((await f.h.get(otherNoticeId, staff("1480"))).status).toBe(200);
  f.clock.set(PLANNED);
  expect((await f.h.plan(noticeId, { milestone: "contact-made" }, PLANNER)).status).toBe(200);
  expect((await f.h.list({}, PLANNER)).status).toBe(200);
  expect((await f.h.get(noticeId, KRIMINALVARDEN)).status).toBe(200);
});

const trail = (answer: Answer) => {
  expect(answer.status).toBe(200);
  return noticeAuditListSchema.parse(answer.body);
};
const who = (answer: Answer) => trail(answer).items.map((e) => [e.actor, e.action]);

const problemOf = (answer: Answer, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

const EVERYTHING = [
  ["kriminalvarden-client", "create"],
  ["handlaggare-1", "read"],
  ["handlaggare-2", "milestone:contact-made"],
  ["handlaggare-2", "list"],
  ["kriminalvarden-client", "read-status"],
];

describe("the notice's trail", () => {
  it("shows every read and change the routes wrote, oldest first, and nothing personal", async () => {
    const answer = await audit({ notice: noticeId });
    expect(who(answer)).toEqual(EVERYTHING);
    const first = trail(answer).items[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(["action", "actor", "at", "correlationId"]);
    expect(Date.parse(first?.at ?? "")).toBe(POSTED.getTime());
    for (const secret of [...personalStrings(), "Anstalten Kumla"]) expect(answer.raw).not.toContain(secret);
  });

  it("shows another municipality's notice to nobody, and needs audit:read", async () => {
    expect(problemOf(await audit({ notice: otherNoticeId }), 404).detail).toBe(
      "No notice with this noticeId",
    );
    expect((await audit({ notice: "KV-no-such-notice" })).status).toBe(404);
    expect((await audit({ notice: noticeId }, { ...AUDITOR, municipality: "1480" })).status).toBe(404);
    // Naming another municipality than the token's is refused outright.
    expect((await audit({ notice: otherNoticeId, municipality: "1480" })).status).toBe(403);
    expect((await audit({ notice: noticeId }, READER)).status).toBe(403);
    expect((await audit({ notice: noticeId }, KRIMINALVARDEN)).status).toBe(403);
  });

  it("lets a national token read a municipality it names, and asks it to name one", async () => {
    expect(who(await audit({ notice: otherNoticeId, municipality: "1480" }, NATIONAL_AUDITOR))).toEqual([
      ["kriminalvarden-client", "create"],
      ["staff-1480", "read"],
    ]);
    expect((await audit({ notice: otherNoticeId, municipality: "0880" }, NATIONAL_AUDITOR)).status).toBe(404);
    const unnamed = problemOf(await audit({ notice: noticeId }, NATIONAL_AUDITOR), 400);
    expect(unnamed.errors?.map((e) => e.path)).toEqual(["query.municipality"]);
  });
});

describe("filters", () => {
  it("by the person acting", async () => {
    expect(who(await audit({ notice: noticeId, actor: "handlaggare-2" }))).toEqual([
      ["handlaggare-2", "milestone:contact-made"],
      ["handlaggare-2", "list"],
    ]);
    expect(trail(await audit({ notice: noticeId, actor: "nobody" })).items).toEqual([]);
  });

  it("by Swedish calendar days: the post at 00:30 Swedish time is on the 15th", async () => {
    expect(who(await audit({ notice: noticeId, from: "2026-01-15", to: "2026-01-15" }))).toEqual([
      ["kriminalvarden-client", "create"],
    ]);
    expect(who(await audit({ notice: noticeId, to: "2026-01-14" }))).toEqual([]);
    expect(who(await audit({ notice: noticeId, from: "2026-01-16", to: "2026-01-16" }))).toEqual([
      ["handlaggare-1", "read"],
    ]);
    expect(who(await audit({ notice: noticeId, from: "2026-01-17" }))).toEqual(EVERYTHING.slice(2));
  });

  it("by instants with their offsets, both ends included", async () => {
    const at = READ.toISOString();
    expect(who(await audit({ notice: noticeId, from: at, to: at }))).toEqual([["handlaggare-1", "read"]]);
    expect(who(await audit({ notice: noticeId, from: "2026-01-16T11:00:01+01:00" }))).toEqual(
      EVERYTHING.slice(2),
    );
    expect(who(await audit({ notice: noticeId, to: "2026-01-16T11:00:00+01:00" }))).toEqual(
      EVERYTHING.slice(0, 2),
    );
  });

  it("by person and period together", async () => {
    expect(
      who(await audit({ notice: noticeId, actor: "kriminalvarden-client", from: "2026-01-16" })),
    ).toEqual([["kriminalvarden-client", "read-status"]]);
  });

  it("refuses a bad value with a 400 naming the field", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: "2026-02-30" }, "query.from"],
      [{ from: "yesterday" }, "query.from"],
      [{ to: "2026-01-16T10:00:00" }, "query.to"],
      [{ from: "2026-01-17", to: "2026-01-16" }, "query.to"],
      [{ actor: " " }, "query.actor"],
      [{ limit: "0" }, "query.limit"],
      [{ municipality: "08800" }, "query.municipality"],
    ];
    for (const [query, field] of cases) {
      const problem = problemOf(await audit({ notice: noticeId, ...query }), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual([field]);
    }
    const missing = problemOf(await audit({}), 400);
    expect(missing.errors?.map((e) => e.path)).toEqual(["query.notice"]);
  });
});

describe("paging", () => {
  it("pages through the trail with the cursor, filtered pages filled past what the filter drops", async () => {
    const first = trail(await audit({ notice: noticeId, limit: "2" }));
    expect(first.items).toHaveLength(2);
    const second = trail(await audit({ notice: noticeId, limit: "2", cursor: first.cursor ?? "" }));
    const third = trail(await audit({ notice: noticeId, limit: "2", cursor: second.cursor ?? "" }));
    expect([...first.items, ...second.items, ...third.items].map((e) => [e.actor, e.action])).toEqual(
      EVERYTHING,
    );
    expect(third.cursor).toBeUndefined();

    const mine = trail(await audit({ notice: noticeId, actor: "kriminalvarden-client", limit: "1" }));
    expect(mine.items.map((e) => e.action)).toEqual(["create"]);
    const next = trail(
      await audit({
        notice: noticeId,
        actor: "kriminalvarden-client",
        limit: "1",
        cursor: mine.cursor ?? "",
      }),
    );
    expect(next.items.map((e) => e.action)).toEqual(["read-status"]);
  });

  it("takes a cursor only for the notice it came from", async () => {
    const first = trail(await audit({ notice: noticeId, limit: "1" }));
    const national = trail(
      await audit({ notice: otherNoticeId, municipality: "1480", limit: "1" }, NATIONAL_AUDITOR),
    );
    const foreign = problemOf(await audit({ notice: noticeId, cursor: national.cursor ?? "" }), 400);
    expect(foreign.errors?.map((e) => e.path)).toEqual(["query.cursor"]);
    expect(first.cursor).toBeDefined();
    expect((await audit({ notice: noticeId, cursor: "bm9wZQ" })).status).toBe(400);
  });
});

describe("after the notice", () => {
  it("is read by its municipality's auditor once the TTL removed the notice, not by another's", async () => {
    const body = noticeBody();
    expect((await f.h.post(body)).status).toBe(201);
    expect((await f.h.get(body.noticeId, READER)).status).toBe(200);
    // As the TTL would: the notice's item deleted, its audit rows (kept longer) left.
    await f.deps.doc.send(new DeleteCommand({ TableName: f.deps.tableName, Key: noticeKey(body.noticeId) }));
    expect((await f.h.get(body.noticeId, READER)).status).toBe(404);

    const after = [
      ["kriminalvarden-client", "create"],
      ["handlaggare-1", "read"],
    ];
    expect(who(await audit({ notice: body.noticeId }))).toEqual(after);
    expect(who(await audit({ notice: body.noticeId, municipality: "0880" }, NATIONAL_AUDITOR))).toEqual(
      after,
    );
    problemOf(await audit({ notice: body.noticeId }, { ...AUDITOR, municipality: "1480" }), 404);
    problemOf(await audit({ notice: body.noticeId, municipality: "1480" }, NATIONAL_AUDITOR), 404);
  });
});
