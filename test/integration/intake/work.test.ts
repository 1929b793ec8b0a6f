/**
 * Staff working referrals against DynamoDB Local and fauxqs: assessments and decisions against
 * their deadlines, assignment by caseload, closing, lists with filters and cursors, the audit
 * trail, and tenant isolation.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditListSchema,
  caseworkerListSchema,
  type ReferralView,
  referralDetailSchema,
  referralListSchema,
  referralViewSchema,
} from "../../../services/intake/contract";
import {
  CHILD,
  type IntakeFixture,
  intakeFixture,
  personnummer,
  referralBody,
  referralIdOf,
  reporter,
  staff,
  YOUNG_ADULT,
} from "../../support/intake";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880", "handlaggare-kalmar");
const BORAS = staff("1490", "handlaggare-boras");

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

const newReferral = async (overrides: Parameters<typeof referralBody>[0] = {}) => {
  const answer = await f.h.post(referralBody(overrides));
  expect(answer.status).toBe(201);
  return referralViewSchema.parse(answer.body);
};
const view = (answer: { status: number; body: unknown }) => {
  expect(answer.status).toBe(200);
  return referralViewSchema.parse(answer.body);
};
const at = (iso: string) => f.clock.set(new Date(iso));

describe("assessment and decision", () => {
  it("meets the protection assessment in time and opens an investigation with its four months", async () => {
    const referral = await newReferral();
    at("2026-11-24T15:00:00+01:00");
    const assessed = view(
      await f.h.protection(
        referral.id,
        { immediateProtectionNeeded: false, note: "Talat med mamman." },
        KALMAR,
      ),
    );
    expect(assessed.deadlines.find((d) => d.type === "protection-assessment")?.state).toBe("met");
    // Decided 30 November: the investigation is due when 30 March ends (in summer time).
    at("2026-11-30T11:00:00+01:00");
    const decided = view(
      await f.h.decision(referral.id, { openInvestigation: true, reason: "Oro kvarstår." }, KALMAR),
    );
    expect(decided.status).toBe("investigating");
    expect(decided.deadlines).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "met" },
      { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "met" },
      { type: "investigation", dueAt: "2027-03-30T22:00:00.000Z", state: "open" },
    ]);
    const events = (await f.events()).filter((e) => referralIdOf(e) === referral.id);
    expect(events.map((e) => e.type)).toEqual([
      "referral.received",
      "referral.assessed",
      "referral.assessed",
    ]);
    expect(events[1]?.data).toMatchObject({
      assessment: "protection-assessment",
      immediateProtectionNeeded: false,
      dueAt: "2026-11-24T23:00:00.000Z",
      assessedAt: "2026-11-24T14:00:00.000Z",
    });
    expect(events[2]?.data).toMatchObject({
      assessment: "pre-assessment",
      openInvestigation: true,
      investigationDueAt: "2027-03-30T22:00:00.000Z",
    });
    expect(JSON.stringify(events)).not.toContain("mamman");
    // Twice is a conflict, not a second assessment.
    expect((await f.h.protection(referral.id, { immediateProtectionNeeded: true }, KALMAR)).status).toBe(409);
    at(NOW.toISOString());
  });

  it("opens a child's application's investigation at once: four months from receipt, moved off a Sunday", async () => {
    at("2026-10-31T09:00:00+01:00");
    const referral = await newReferral({ kind: "application", reporter: { role: "relative" } });
    // An application is not pre-assessed; 31 October + 4 months is Sunday 28 February 2027, so
    // lagen (1930:173) 2 § makes the last day Monday 1 March.
    expect(referral).toMatchObject({
      status: "investigating",
      deadlines: [{ type: "investigation", dueAt: "2027-03-01T23:00:00.000Z", state: "open" }],
    });
    const decided = await f.h.decision(referral.id, { openInvestigation: true, reason: "Ansökan." }, KALMAR);
    expect(decided.status).toBe(409);
    expect(decided.body).toMatchObject({
      detail: expect.stringContaining("An application opens an investigation"),
    });
    const received = (await f.events()).find(
      (e) => e.type === "referral.received" && referralIdOf(e) === referral.id,
    );
    expect(received?.data).toMatchObject({
      deadlines: [{ type: "investigation", dueAt: "2027-03-01T23:00:00.000Z" }],
    });
    at(NOW.toISOString());
  });

  it("gives an adult's investigation no four-month deadline, so no breach can ever show", async () => {
    const referral = await newReferral({
      kind: "self-referral",
      reporter: { role: "self" },
      subject: { personalIdentityNumber: YOUNG_ADULT.thirteen },
    });
    const decided = view(
      await f.h.decision(referral.id, { openInvestigation: true, reason: "Behov." }, KALMAR),
    );
    expect(decided).toMatchObject({ status: "investigating", deadlines: [] });
    at("2027-06-01T12:00:00+02:00");
    await f.sweep();
    const breaches = (await f.events()).filter(
      (e) => e.type === "deadline.breached" && referralIdOf(e) === referral.id,
    );
    expect(breaches).toEqual([]);
    expect(view(await f.h.get(referral.id, KALMAR)).deadlines).toEqual([]);
    at(NOW.toISOString());
  });

  it("records a late assessment as breached and emits the breach the sweep had not yet sent", async () => {
    const referral = await newReferral();
    at("2026-11-25T00:00:00+01:00");
    const late = view(await f.h.protection(referral.id, { immediateProtectionNeeded: true }, KALMAR));
    expect(late.deadlines.find((d) => d.type === "protection-assessment")?.state).toBe("breached");
    const breaches = (await f.events()).filter(
      (e) => e.type === "deadline.breached" && referralIdOf(e) === referral.id,
    );
    expect(breaches.map((e) => e.data)).toEqual([
      expect.objectContaining({ deadline: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z" }),
    ]);
    at(NOW.toISOString());
  });

  it("records a first-offence conversation only where one is due", async () => {
    const police = await newReferral({ kind: "police", firstOffence: true, reporter: { role: "police" } });
    const done = view(await f.h.conversation(police.id, {}, KALMAR));
    expect(done.deadlines.find((d) => d.type === "first-offence-conversation")?.state).toBe("met");
    const concern = await newReferral();
    expect((await f.h.conversation(concern.id, {}, KALMAR)).status).toBe(409);
  });
});

describe("caseworkers and assignment", () => {
  it("suggests the lowest caseload relative to capacity, and closing frees the place", async () => {
    const unit = "utredning-unga-vuxna";
    expect(
      (await f.h.putCaseworker(unit, "cw-anna", { name: "Anna Berg", capacity: 24 }, KALMAR)).status,
    ).toBe(200);
    expect((await f.h.putCaseworker(unit, "cw-bo", { name: "Bo Ek", capacity: 13 }, KALMAR)).status).toBe(
      200,
    );
    const people = ["20000101", "20000102", "20000103"].map((d, i) => personnummer(d, `${310 + i}`));
    const referrals: ReferralView[] = [];
    for (const p of people) {
      referrals.push(
        await newReferral({
          kind: "self-referral",
          reporter: { role: "self" },
          subject: { personalIdentityNumber: p.thirteen },
        }),
      );
    }
    const chosen = [];
    for (const r of referrals) chosen.push(view(await f.h.assign(r.id, {}, KALMAR)).assignee);
    // 0/24 and 0/13 tie, so by id; then 1/24 against 0/13; then 1/24 against 1/13.
    expect(chosen).toEqual(["cw-anna", "cw-bo", "cw-anna"]);
    const listed = caseworkerListSchema.parse((await f.h.listCaseworkers(unit, KALMAR)).body);
    expect(listed.items.map((c) => [c.caseworkerId, c.caseload])).toEqual([
      ["cw-anna", 2],
      ["cw-bo", 1],
    ]);
    const assigned = (await f.events()).filter(
      (e) => e.type === "referral.assigned" && referralIdOf(e) === referrals[0]?.id,
    );
    expect(assigned[0]?.data).toMatchObject({ caseworkerId: "cw-anna", suggested: true });
    expect(JSON.stringify(assigned)).not.toContain("Anna Berg");

    // Reassigning by name moves the case; closing removes it.
    view(await f.h.assign(referrals[0]?.id ?? "", { caseworkerId: "cw-bo" }, KALMAR));
    view(await f.h.close(referrals[2]?.id ?? "", { reason: "no-investigation" }, KALMAR));
    const after = caseworkerListSchema.parse((await f.h.listCaseworkers(unit, KALMAR)).body);
    expect(after.items.map((c) => [c.caseworkerId, c.caseload])).toEqual([
      ["cw-anna", 0],
      ["cw-bo", 2],
    ]);
    // Closed is closed.
    expect((await f.h.assign(referrals[2]?.id ?? "", {}, KALMAR)).status).toBe(409);
  });

  it("refuses a caseworker from another unit, and a unit with nobody to suggest", async () => {
    const child = await newReferral();
    expect((await f.h.assign(child.id, { caseworkerId: "cw-anna" }, KALMAR)).status).toBe(422);
    expect((await f.h.assign(child.id, {}, KALMAR)).status).toBe(409);
    expect((await f.h.putCaseworker("no-such-unit", "cw-x", { name: "X", capacity: 1 }, KALMAR)).status).toBe(
      400,
    );
  });
});

describe("a linked referral", () => {
  it("takes the open referral's caseworker and adds no case to the caseload", async () => {
    const unit = "mottag-vuxen";
    expect(
      (await f.h.putCaseworker(unit, "cw-vuxen", { name: "Vera Ås", capacity: 20 }, KALMAR)).status,
    ).toBe(200);
    const person = personnummer("19800808", "401");
    const body = {
      kind: "application",
      reporter: { role: "self" },
      subject: { personalIdentityNumber: person.thirteen },
    };
    const first = await newReferral(body);
    view(await f.h.assign(first.id, {}, KALMAR));
    const linked = await newReferral({ ...body, kind: "concern", reporter: { role: "relative" } });
    expect(linked).toMatchObject({ linkedReferralId: first.id, assignee: "cw-vuxen" });
    const caseload = async () =>
      caseworkerListSchema
        .parse((await f.h.listCaseworkers(unit, KALMAR)).body)
        .items.find((c) => c.caseworkerId === "cw-vuxen")?.caseload;
    expect(await caseload()).toBe(1);
    view(await f.h.close(linked.id, { reason: "merged" }, KALMAR));
    expect(await caseload()).toBe(1);
    // The open referral lists the one linked to it.
    const detail = referralDetailSchema.parse((await f.h.get(first.id, KALMAR)).body);
    expect(detail.linkedReferrals).toEqual([
      { id: linked.id, kind: "concern", receivedAt: linked.receivedAt },
    ]);
    // An application is investigated from receipt: an adult's has no deadline to meet.
    expect(first.status).toBe("investigating");
    const closed = view(await f.h.close(first.id, { reason: "investigation-concluded" }, KALMAR));
    expect(closed).toMatchObject({ status: "closed", deadlines: [] });
    expect(await caseload()).toBe(0);
  });
});

describe("lists", () => {
  it("filters by unit, kind, status and overdue, and pages with a cursor", async () => {
    const g = await intakeFixture(NOW);
    const post = async (overrides: Parameters<typeof referralBody>[0]) =>
      referralViewSchema.parse((await g.h.post(referralBody(overrides))).body);
    const children = [await post({}), await post({}), await post({})];
    const adult = await post({
      kind: "self-referral",
      reporter: { role: "self" },
      subject: { personalIdentityNumber: YOUNG_ADULT.thirteen },
    });
    const list = async (query: Record<string, string>, claims = KALMAR) => {
      const answer = await g.h.list(query, claims);
      expect(answer.status).toBe(200);
      return referralListSchema.parse(answer.body);
    };
    expect((await list({ unit: "utredning-unga-vuxna" })).items.map((r) => r.id)).toEqual([adult.id]);
    expect((await list({ kind: "concern" })).items).toHaveLength(3);
    expect((await list({ overdue: "true" })).items).toEqual([]);

    // Two days on, every child's protection assessment is overdue; record one.
    g.clock.set(new Date("2026-11-25T09:00:00+01:00"));
    view(await g.h.protection(children[0]?.id ?? "", { immediateProtectionNeeded: false }, KALMAR));
    const overdue = await list({ overdue: "true" });
    expect(overdue.items.map((r) => r.id).sort()).toEqual([children[1]?.id, children[2]?.id].sort());
    expect(overdue.items[0]?.deadlines[0]?.state).toBe("breached");

    const first = await list({ limit: "2" });
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toBeDefined();
    const second = await list({ limit: "2", cursor: first.cursor ?? "" });
    expect(second.items.map((r) => r.id)).not.toContain(first.items[0]?.id);
    expect([...first.items, ...second.items]).toHaveLength(4);

    // A cursor is only good in the municipality it came from; nonsense is a 400 naming it.
    const foreign = await g.h.list({ cursor: first.cursor ?? "" }, BORAS);
    expect(foreign.status).toBe(400);
    expect((await g.h.list({ cursor: "bm9wZQ" }, KALMAR)).status).toBe(400);
    expect((await g.h.list({ status: "lost" }, KALMAR)).status).toBe(400);
    expect((await list({}, BORAS)).items).toEqual([]);
  });
});

describe("audit and tenant isolation", () => {
  it("records who read and changed a referral, for audit:read in that municipality only", async () => {
    const referral = await newReferral();
    await f.h.get(referral.id, KALMAR);
    await f.h.protection(referral.id, { immediateProtectionNeeded: false }, KALMAR);
    const answer = await f.h.audit({ referral: referral.id }, KALMAR);
    expect(answer.status).toBe(200);
    const trail = auditListSchema.parse(answer.body).items;
    expect(trail.map((e) => [e.actor, e.action])).toEqual([
      ["intake-desk", "create"],
      ["handlaggare-kalmar", "read"],
      ["handlaggare-kalmar", "protection-assessment"],
    ]);
    expect((await f.h.audit({ referral: referral.id }, BORAS)).status).toBe(404);
    const noAuditScope = { ...KALMAR, scope: "referrals:read referrals:manage" };
    expect((await f.h.audit({ referral: referral.id }, noAuditScope)).status).toBe(403);
  });

  it("shows another municipality's referral to nobody: 404 on every route, nothing changed", async () => {
    const referral = await newReferral();
    const before = await f.stored(referral.id);
    const answers = [
      await f.h.get(referral.id, BORAS),
      await f.h.protection(referral.id, { immediateProtectionNeeded: true }, BORAS),
      await f.h.decision(referral.id, { openInvestigation: false, reason: "x" }, BORAS),
      await f.h.assign(referral.id, {}, BORAS),
      await f.h.close(referral.id, { reason: "other" }, BORAS),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
    for (const a of answers) for (const form of CHILD.forms) expect(a.raw).not.toContain(form);
    expect(await f.stored(referral.id)).toEqual(before);
    // A machine client without a municipality reads no case.
    expect((await f.h.get(referral.id, { ...reporter(), scope: "referrals:read" })).status).toBe(403);
  });
});
