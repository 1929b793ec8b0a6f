/**
 * GET /v1/hotline/audit: the auditor (scope audit:read) reads who read or changed a triage, and who
 * saved a municipality's on-call schedule, by person and period, page by page, in their own
 * municipality only; DynamoDB Local and fauxqs underneath.
 */
import { DeleteCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { hotlineAuditListSchema } from "../../../services/hotline/contract-audit";
import { createHandler } from "../../../services/hotline/handlers/audit";
import { triageKey } from "../../../services/hotline/store/keys";
import { problemSchema } from "../../../shared/http/problem";
import {
  type Answer,
  admin,
  CALLER,
  type HotlineFixture,
  hotlineFixture,
  newCallId,
  onCallStaff,
  personalStrings,
  scheduleBody,
} from "../../support/hotline";
import { type Claims, httpEvent } from "../../support/http";
import { invokeHttp } from "../../support/lambda";

/** Saturday 28 March 2026, 13:00 in Sweden (CET); the clocks go forward the next night. */
const FIRST_SAVE = new Date("2026-03-28T12:00:00Z");
/** Sunday 29 March, 14:00 in Sweden (CEST). */
const CALL = new Date("2026-03-29T12:00:00Z");
/** Monday 30 March, 00:30 in Sweden, still the 29th in UTC. */
const SECOND_SAVE = new Date("2026-03-29T22:30:00Z");

const AUDITOR: Claims = { sub: "granskare-1", scope: "audit:read", municipality: "0880" };
const NATIONAL_AUDITOR: Claims = { sub: "ivo-granskare", scope: "audit:read national" };

let f: HotlineFixture;
let audit: (query: Record<string, string>, claims?: Claims) => Promise<Answer>;
let triageId: string;

beforeAll(async () => {
  f = await hotlineFixture(FIRST_SAVE);
  const fn = createHandler(f.deps);
  audit = (query, claims = AUDITOR) =>
    invokeHttp(
      fn,
      "hotline-audit",
      httpEvent({
        method: "GET",
        rawPath: "/v1/hotline/audit",
        routePath: "/v1/hotline/audit",
        query,
        claims,
      }),
    );
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
  const boras = scheduleBody({ hotlineNumber: "+46766860001" });
  expect((await f.h.putSchedule(boras, admin("1490"), "1490")).status).toBe(201);

  f.clock.set(CALL);
  const callId = newCallId();
  await f.h.incoming({ callid: callId, from: CALLER });
  await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
  triageId = String((await f.call(callId))?.triageId);
  expect((await f.h.get(triageId, onCallStaff("0880", "jour-bo"))).status).toBe(200);
  const step = await f.h.step(
    triageId,
    "threat-assessment",
    { status: "done", note: "Polisen kontaktad" },
    onCallStaff("0880", "jour-cilla"),
  );
  expect(step.status).toBe(200);

  f.clock.set(SECOND_SAVE);
  const changed = scheduleBody({ ringSeconds: 30 });
  expect((await f.h.putSchedule(changed, admin("0880", "jour-admin-2"))).status).toBe(200);
});

const trail = (answer: Answer) => {
  expect(answer.status).toBe(200);
  return hotlineAuditListSchema.parse(answer.body);
};
const who = (answer: Answer) => trail(answer).items.map((e) => [e.actor, e.action]);

const problemOf = (answer: Answer, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  return problemSchema().parse(answer.body);
};

const SCHEDULE_TRAIL = [
  ["admin-0880", "schedule:put"],
  ["jour-admin-2", "schedule:put"],
];

describe("a schedule's trail", () => {
  it("shows each save of the municipality's schedule, oldest first, and nothing personal", async () => {
    const answer = await audit({ schedule: "0880" });
    expect(who(answer)).toEqual(SCHEDULE_TRAIL);
    expect(Date.parse(trail(answer).items[0]?.at ?? "")).toBe(FIRST_SAVE.getTime());
    for (const secret of personalStrings()) expect(answer.raw).not.toContain(secret);
  });

  it("is the municipality's own: another's schedule is 403, and a national token reads any", async () => {
    expect((await audit({ schedule: "1490" })).status).toBe(403);
    expect(who(await audit({ schedule: "1490" }, NATIONAL_AUDITOR))).toEqual([
      ["admin-1490", "schedule:put"],
    ]);
    expect((await audit({ schedule: "0880" }, { ...AUDITOR, municipality: "1490" })).status).toBe(403);
    expect((await audit({ schedule: "0880" }, admin())).status).toBe(403);
    expect(problemOf(await audit({ schedule: "0000" }, NATIONAL_AUDITOR), 404).detail).toBe(
      "No such municipality",
    );
  });
});

describe("a triage's trail", () => {
  it("shows the read of the caller's number and each step, with who did it", async () => {
    const answer = await audit({ triage: triageId });
    expect(who(answer)).toEqual([
      ["jour-bo", "read"],
      ["jour-cilla", "step:threat-assessment:done"],
    ]);
    for (const secret of [...personalStrings(), "Polisen kontaktad"])
      expect(answer.raw).not.toContain(secret);
  });

  it("shows another municipality's triage to nobody, and needs audit:read", async () => {
    expect((await audit({ triage: triageId }, { ...AUDITOR, municipality: "1490" })).status).toBe(404);
    expect((await audit({ triage: "01KNOSUCHTRIAGE0000000000" })).status).toBe(404);
    expect((await audit({ triage: triageId, municipality: "1490" })).status).toBe(403);
    expect((await audit({ triage: triageId }, onCallStaff())).status).toBe(403);
    expect((await audit({ triage: triageId, municipality: "0880" }, NATIONAL_AUDITOR)).status).toBe(200);
    expect((await audit({ triage: triageId, municipality: "1490" }, NATIONAL_AUDITOR)).status).toBe(404);
    const unnamed = problemOf(await audit({ triage: triageId }, NATIONAL_AUDITOR), 400);
    expect(unnamed.errors?.map((e) => e.path)).toEqual(["query.municipality"]);
  });
});

describe("filters", () => {
  it("by the person acting", async () => {
    expect(who(await audit({ triage: triageId, actor: "jour-cilla" }))).toEqual([
      ["jour-cilla", "step:threat-assessment:done"],
    ]);
    expect(who(await audit({ schedule: "0880", actor: "jour-admin-2" }))).toEqual([SCHEDULE_TRAIL[1]]);
  });

  it("by Swedish calendar days across the switch to summer time: 00:30 on the 30th is the 30th", async () => {
    expect(who(await audit({ schedule: "0880", from: "2026-03-30", to: "2026-03-30" }))).toEqual([
      SCHEDULE_TRAIL[1],
    ]);
    expect(who(await audit({ schedule: "0880", to: "2026-03-29" }))).toEqual([SCHEDULE_TRAIL[0]]);
    expect(who(await audit({ schedule: "0880", from: "2026-03-29", to: "2026-03-29" }))).toEqual([]);
  });

  it("by instants with their offsets, both ends included", async () => {
    const at = SECOND_SAVE.toISOString();
    expect(who(await audit({ schedule: "0880", from: at, to: at }))).toEqual([SCHEDULE_TRAIL[1]]);
    expect(who(await audit({ schedule: "0880", to: "2026-03-30T00:29:59.999+02:00" }))).toEqual([
      SCHEDULE_TRAIL[0],
    ]);
    expect(
      who(await audit({ triage: triageId, actor: "jour-bo", from: "2026-03-29T14:00:00+02:00" })),
    ).toEqual([["jour-bo", "read"]]);
  });

  it("refuses a bad value with a 400 naming the field", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ schedule: "0880", from: "2026-13-01" }, "query.from"],
      [{ schedule: "0880", to: "tomorrow" }, "query.to"],
      [{ schedule: "0880", from: "2026-03-30", to: "2026-03-29T23:59:59+02:00" }, "query.to"],
      [{ schedule: "0880", actor: "" }, "query.actor"],
      [{ schedule: "880" }, "query.schedule"],
      [{ schedule: "0880", triage: triageId }, "query.triage"],
      [{}, "query.triage"],
      [{ schedule: "0880", municipality: "1490" }, "query.municipality"],
    ];
    for (const [query, field] of cases) {
      const problem = problemOf(await audit(query), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual([field]);
    }
  });
});

describe("paging", () => {
  it("pages with the cursor, which is good only for the trail it came from", async () => {
    const first = trail(await audit({ schedule: "0880", limit: "1" }));
    expect(first.items.map((e) => e.actor)).toEqual(["admin-0880"]);
    const second = trail(await audit({ schedule: "0880", limit: "1", cursor: first.cursor ?? "" }));
    expect(second.items.map((e) => e.actor)).toEqual(["jour-admin-2"]);
    const last = trail(await audit({ schedule: "0880", limit: "1", cursor: second.cursor ?? "" }));
    expect(last).toEqual({ items: [] });

    const foreign = problemOf(await audit({ triage: triageId, cursor: first.cursor ?? "" }), 400);
    expect(foreign.errors?.map((e) => e.path)).toEqual(["query.cursor"]);
  });
});

// Last: it removes the triage the other tests read.
describe("after the triage", () => {
  it("is read by its municipality's auditor once the TTL removed the triage, not by another's", async () => {
    const before = who(await audit({ triage: triageId }));
    expect(before.length).toBeGreaterThan(0);
    // As the TTL would: the triage's item deleted, its audit rows (kept longer) left.
    await f.deps.doc.send(new DeleteCommand({ TableName: f.deps.tableName, Key: triageKey(triageId) }));
    expect(await f.triage(triageId)).toBeUndefined();

    expect(who(await audit({ triage: triageId }))).toEqual(before);
    expect(who(await audit({ triage: triageId, municipality: "0880" }, NATIONAL_AUDITOR))).toEqual(before);
    problemOf(await audit({ triage: triageId }, { ...AUDITOR, municipality: "1490" }), 404);
    problemOf(await audit({ triage: triageId, municipality: "1490" }, NATIONAL_AUDITOR), 404);
  });
});
