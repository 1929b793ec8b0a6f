/**
 * Interventions on a referral against DynamoDB Local and fauxqs: recorded, started and ended
 * through the real handlers; notes sealed in the table and opened for staff; audited; events that
 * name no person; bad input refused before anything is written; other municipalities kept out;
 * concurrent requests serialised on the referral's interventions.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { referralViewSchema } from "../../../services/intake/contract";
import {
  type InterventionView,
  interventionListSchema,
  interventionViewSchema,
} from "../../../services/intake/contract-interventions";
import type { IntakeDeps } from "../../../services/intake/deps";
import { createHandler as createChange } from "../../../services/intake/handlers/intervention-change";
import { createHandler as createDecide } from "../../../services/intake/handlers/intervention-decide";
import { createHandler as createGet } from "../../../services/intake/handlers/intervention-get";
import { createHandler as createList } from "../../../services/intake/handlers/intervention-list";
import { interventionsKey } from "../../../services/intake/store/interventions";
import { epochSecondsOf } from "../../../shared/retention";
import { type Claims, httpEvent } from "../../support/http";
import {
  type IntakeFixture,
  intakeFixture,
  referralBody,
  referralIdOf,
  SCOPE,
  staff,
  YOUNG_ADULT,
} from "../../support/intake";
import { invokeHttp } from "../../support/lambda";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880", "handlaggare-kalmar");
const BORAS = staff("1490", "handlaggare-boras");
const READER: Claims = { sub: "lasare", scope: SCOPE.read, municipality: "0880" };
const NOTE = "Samtal med Alva Berg om SIG-gruppen.";
const problemSchema = z.object({
  status: z.number(),
  errors: z.optional(z.array(z.object({ path: z.string() }))),
});

let f: IntakeFixture;
let api: ReturnType<typeof interventionApi>;
beforeAll(async () => {
  f = await intakeFixture(NOW);
  api = interventionApi(f.deps);
});

const interventionApi = (deps: IntakeDeps) => {
  const fns = {
    decide: createDecide(deps),
    change: createChange(deps),
    list: createList(deps),
    get: createGet(deps),
  };
  const base = (id: string) => `/v1/referrals/${id}/interventions`;
  return {
    decide: (id: string, body: unknown, claims: Claims = KALMAR) =>
      invokeHttp(
        fns.decide,
        "intake-decide-intervention",
        httpEvent({
          method: "POST",
          rawPath: base(id),
          routePath: "/v1/referrals/{id}/interventions",
          pathParameters: { id },
          body,
          claims,
        }),
      ),
    change: (id: string, interventionId: string, body: unknown, claims: Claims = KALMAR) =>
      invokeHttp(
        fns.change,
        "intake-change-intervention",
        httpEvent({
          method: "PATCH",
          rawPath: `${base(id)}/${interventionId}`,
          routePath: "/v1/referrals/{id}/interventions/{interventionId}",
          pathParameters: { id, interventionId },
          body,
          claims,
        }),
      ),
    list: (id: string, claims: Claims = KALMAR) =>
      invokeHttp(
        fns.list,
        "intake-list-interventions",
        httpEvent({
          method: "GET",
          rawPath: base(id),
          routePath: "/v1/referrals/{id}/interventions",
          pathParameters: { id },
          claims,
        }),
      ),
    get: (id: string, interventionId: string, claims: Claims = KALMAR) =>
      invokeHttp(
        fns.get,
        "intake-get-intervention",
        httpEvent({
          method: "GET",
          rawPath: `${base(id)}/${interventionId}`,
          routePath: "/v1/referrals/{id}/interventions/{interventionId}",
          pathParameters: { id, interventionId },
          claims,
        }),
      ),
  };
};

/** A young adult's self-referral, received now (23 November 2026). */
const youngAdultsReferral = async () => {
  const answer = await f.h.post(
    referralBody({
      kind: "self-referral",
      subject: { personalIdentityNumber: YOUNG_ADULT.thirteen },
      reporter: { role: "self" },
    }),
  );
  expect(answer.status).toBe(201);
  return referralViewSchema.parse(answer.body);
};
const intervention = (answer: { status: number; body: unknown }, status = 200): InterventionView => {
  expect(answer.status).toBe(status);
  return interventionViewSchema.parse(answer.body);
};
/** The intervention events about a referral so far (the fixture keeps every event it has seen). */
const eventsOf = async (referralId: string) =>
  (await f.events()).filter((e) => referralIdOf(e) === referralId && e.type.startsWith("intervention."));

describe("an SIG for a young adult", () => {
  it("is decided, started and ended; the note is sealed in the table and opened for staff; every step is audited", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    f.clock.set(new Date("2026-11-26T09:00:00+01:00"));
    const decided = intervention(
      await api.decide(referral.id, { type: "sig", decidedAt: "2026-11-25", note: NOTE }),
      201,
    );
    expect(decided).toMatchObject({
      referralId: referral.id,
      type: "sig",
      provider: "unga-vuxna",
      status: "decided",
      note: NOTE,
    });

    const stored = JSON.stringify(
      (
        await f.deps.doc.send(
          new GetCommand({
            TableName: f.deps.tableName,
            Key: interventionsKey(referral.id),
            ConsistentRead: true,
          }),
        )
      ).Item,
    );
    expect(stored).toContain(decided.id);
    expect(stored).not.toContain("Alva");

    f.clock.set(new Date("2026-12-01T09:00:00+01:00"));
    const started = intervention(await api.change(referral.id, decided.id, { startedAt: "2026-11-30" }));
    expect(started).toMatchObject({ status: "started", startedAt: "2026-11-30", firstOnReferral: true });
    const ended = intervention(
      await api.change(referral.id, decided.id, { endedAt: "2026-12-01", outcome: "ended-early" }),
    );
    expect(ended).toMatchObject({ status: "ended", endedAt: "2026-12-01", outcome: "ended-early" });

    const listed = interventionListSchema.parse((await api.list(referral.id, READER)).body);
    expect(listed.items.map((i) => [i.id, i.status, i.note])).toEqual([[decided.id, "ended", NOTE]]);
    expect(intervention(await api.get(referral.id, decided.id, READER))).toEqual(listed.items[0]);

    const events = await eventsOf(referral.id);
    expect(events.map((e) => e.type)).toEqual([
      "intervention.decided",
      "intervention.started",
      "intervention.ended",
    ]);
    expect(events.find((e) => e.type === "intervention.started")?.data).toMatchObject({
      type: "sig",
      ageGroup: "18-30",
      daysFromReferral: 7,
      firstOnReferral: true,
    });
    for (const event of events) {
      expect(event.municipality).toBe("0880");
      for (const form of YOUNG_ADULT.forms) expect(JSON.stringify(event)).not.toContain(form);
      expect(JSON.stringify(event)).not.toContain("Alva");
    }
    const actions = (await f.auditRows(referral.id)).map((r) => String(r.action));
    expect(actions).toEqual(
      expect.arrayContaining([
        `intervention:decide:${decided.id}`,
        `intervention:start:${decided.id}`,
        `intervention:end:${decided.id}`,
        "interventions:list",
        `intervention:read:${decided.id}`,
      ]),
    );
  });

  it("a step sent again changes nothing; another date for it is a conflict", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    const decided = intervention(
      await api.decide(referral.id, { type: "fft", decidedAt: "2026-11-23", startedAt: "2026-11-23" }),
      201,
    );
    const before = (await eventsOf(referral.id)).length;
    expect((await api.change(referral.id, decided.id, { startedAt: "2026-11-23" })).status).toBe(200);
    expect(await eventsOf(referral.id)).toHaveLength(before);
    const again = await api.change(referral.id, decided.id, { startedAt: "2026-11-22" });
    expect(again.status).toBe(409);
  });
});

describe("what is refused, writing nothing", () => {
  it("answers 400 for the shape and 422 for dates that do not fit, naming the field", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    const before = await f.itemCount();
    const cases: [unknown, number, string][] = [
      [{ type: "karate", decidedAt: "2026-11-23" }, 400, "type"],
      [{ type: "other", decidedAt: "2026-11-23" }, 400, "description"],
      [{ type: "sig", decidedAt: "23/11/2026" }, 400, "decidedAt"],
      [{ type: "sig", decidedAt: "2026-11-22" }, 422, "decidedAt"],
      [{ type: "sig", decidedAt: "2026-11-23", startedAt: "2026-11-24" }, 422, "startedAt"],
    ];
    for (const [body, status, path] of cases) {
      const answer = await api.decide(referral.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.headers["content-type"]).toContain("application/problem+json");
      expect(problemSchema.parse(answer.body).errors?.map((e) => e.path)).toContain(path);
    }
    expect(await f.itemCount()).toBe(before);
    expect(await eventsOf(referral.id)).toEqual([]);

    const decided = intervention(
      await api.decide(referral.id, { type: "minimaria", decidedAt: "2026-11-23" }),
      201,
    );
    const patchCases: [unknown, number][] = [
      [{}, 400],
      [{ endedAt: "2026-11-23" }, 400],
      [{ endedAt: "2026-11-23", outcome: "completed" }, 422],
    ];
    for (const [body, status] of patchCases)
      expect((await api.change(referral.id, decided.id, body)).status).toBe(status);
    expect(
      (await api.change(referral.id, "01KBX6ZZ4R8T5V9Y3Z6A1C0DEF", { startedAt: "2026-11-23" })).status,
    ).toBe(404);
  });

  it("keeps other municipalities and callers without the scope out", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    const body = { type: "sig", decidedAt: "2026-11-23" };
    expect((await api.decide(referral.id, body, BORAS)).status).toBe(404);
    expect((await api.list(referral.id, BORAS)).status).toBe(404);
    expect((await api.decide(referral.id, body, READER)).status).toBe(403);
    const decided = intervention(await api.decide(referral.id, body), 201);
    expect((await api.get(referral.id, decided.id, BORAS)).status).toBe(404);
    expect((await api.change(referral.id, decided.id, { startedAt: "2026-11-23" }, READER)).status).toBe(403);
  });
});

describe("gallring", () => {
  it("recording an intervention is an entry: the referral's TTL, and the ledger's, move to five years after it", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    const ttl = async (key: Record<string, string>) => {
      const item = (await f.deps.doc.send(new GetCommand({ TableName: f.deps.tableName, Key: key }))).Item;
      return Number(item?.expiresAt);
    };
    const stored = async () => Number((await f.stored(referral.id))?.expiresAt);
    // Received 23 November 2026: deletable from 24 November 2031, 00:00 in Sweden.
    expect(await stored()).toBe(epochSecondsOf(new Date("2031-11-23T23:00:00Z")));
    f.clock.set(new Date("2027-02-10T09:00:00+01:00"));
    const decided = intervention(
      await api.decide(referral.id, { type: "sig", decidedAt: "2027-02-10" }),
      201,
    );
    expect(await stored()).toBe(epochSecondsOf(new Date("2032-02-10T23:00:00Z")));
    f.clock.set(new Date("2027-06-15T09:00:00+02:00"));
    intervention(await api.change(referral.id, decided.id, { startedAt: "2027-06-15" }));
    expect(await stored()).toBe(epochSecondsOf(new Date("2032-06-15T22:00:00Z")));
    expect(await ttl(interventionsKey(referral.id))).toBe(await stored());
    // Its last entry is the start, and its audit rows outlive it.
    expect((await f.stored(referral.id))?.updatedAt).toBe("2027-06-15T07:00:00.000Z");
    for (const row of await f.auditRows(referral.id))
      expect(Number(row.expiresAt)).toBeGreaterThan(await stored());
  });
});

describe("concurrent requests on one referral", () => {
  it("both decisions are kept, and only one of two simultaneous starts is the referral's first", async () => {
    f.clock.set(NOW);
    const referral = await youngAdultsReferral();
    const answers = await Promise.all(
      (["sig", "ungdomstjanst"] as const).map((type) =>
        api.decide(referral.id, { type, decidedAt: "2026-11-23", startedAt: "2026-11-23" }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const listed = interventionListSchema.parse((await api.list(referral.id)).body);
    expect(listed.items.map((i) => i.type).sort()).toEqual(["sig", "ungdomstjanst"]);
    expect(listed.items.filter((i) => i.firstOnReferral).length).toBe(1);
  });
});
