/**
 * Deadlines by law through the HTTP API, against DynamoDB Local and fauxqs: a report added to an
 * investigation under way, a report of violence by someone close, lawful extensions, closing a
 * child's report only once it is decided, and a report dated back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  auditListSchema,
  referralDetailSchema,
  referralListSchema,
  referralViewSchema,
} from "../../../services/intake/contract";
import {
  type IntakeFixture,
  intakeFixture,
  personnummer,
  referralBody,
  referralIdOf,
  reporter,
  staff,
} from "../../support/intake";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880");
const problem = z.object({
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string() }))),
});

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

const at = (iso: string) => f.clock.set(new Date(iso));
const child = (n: number) => personnummer("20140301", String(500 + n));
const post = async (overrides: Parameters<typeof referralBody>[0] = {}) => {
  const answer = await f.h.post(referralBody(overrides));
  expect(answer.status).toBe(201);
  return referralViewSchema.parse(answer.body);
};
const view = (answer: { status: number; body: unknown }) => {
  expect(answer.status).toBe(200);
  return referralViewSchema.parse(answer.body);
};
const detailOf = async (id: string) => referralDetailSchema.parse((await f.h.get(id, KALMAR)).body);

describe("a report about a child with an investigation under way", () => {
  it("gets its protection assessment, no förhandsbedömning, and shows in the investigation", async () => {
    const person = child(1);
    const first = await post({ subject: { personalIdentityNumber: person.thirteen } });
    view(await f.h.decision(first.id, { openInvestigation: true, reason: "Oro." }, KALMAR));
    const second = await post({
      subject: { personalIdentityNumber: person.ten },
      reporter: { role: "police" },
    });
    expect(second).toMatchObject({
      linkedReferralId: first.id,
      deadlines: [{ type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" }],
    });
    const decided = await f.h.decision(second.id, { openInvestigation: false, reason: "x" }, KALMAR);
    expect(decided.status).toBe(409);
    expect(problem.parse(decided.body).detail).toContain("added to the investigation");
    // It may be closed undecided: no decision is due for it.
    expect((await detailOf(first.id)).linkedReferrals).toEqual([
      { id: second.id, kind: "concern", receivedAt: second.receivedAt },
    ]);
    view(await f.h.close(second.id, { reason: "other" }, KALMAR));
  });
});

describe("a report of suspected violence against a child by someone close", () => {
  it("is due the same day, shows first in the worklist, and must be investigated", async () => {
    const g = await intakeFixture(NOW);
    // A minute apart, so that "newest first" has one answer.
    let minute = 0;
    const tick = () => g.clock.set(new Date(NOW.getTime() + ++minute * 60_000));
    const plain = async (n: number) =>
      referralViewSchema.parse(
        (await g.h.post(referralBody({ subject: { personalIdentityNumber: child(10 + n).thirteen } }))).body,
      );
    await plain(1);
    tick();
    const posted = await g.h.post(
      referralBody({
        subject: { personalIdentityNumber: child(20).thirteen },
        suspectedViolenceByCloseRelative: true,
      }),
      reporter("0880"),
    );
    expect(posted.status).toBe(201);
    const marked = z.object({ id: z.string() }).parse(posted.body).id;
    tick();
    const later = await plain(2);
    const list = async () => referralListSchema.parse((await g.h.list({}, KALMAR)).body).items;
    const top = (await list())[0];
    expect(top).toMatchObject({ id: marked, suspectedViolenceByCloseRelative: true });
    expect(top?.deadlines[0]).toEqual({
      type: "protection-assessment",
      dueAt: "2026-11-23T23:00:00.000Z",
      state: "open",
    });
    expect((await list())[1]?.id).toBe(later.id);

    const refused = await g.h.decision(
      marked,
      { openInvestigation: false, reason: "Inget att utreda." },
      KALMAR,
    );
    expect(refused.status).toBe(409);
    expect(problem.parse(refused.body).detail).toContain("must lead to an investigation");

    // Staff mark another one: it joins the top; clearing the mark gives back its place and due time.
    const staffMarked = view(await g.h.violenceConcern(later.id, { suspected: true }, KALMAR));
    expect(staffMarked.deadlines[0]?.dueAt).toBe("2026-11-23T23:00:00.000Z");
    expect((await list()).slice(0, 2).map((r) => r.id)).toEqual([later.id, marked]);
    const cleared = view(await g.h.violenceConcern(later.id, { suspected: false }, KALMAR));
    expect(cleared.deadlines[0]?.dueAt).toBe("2026-11-24T23:00:00.000Z");
    expect((await list())[0]?.id).toBe(marked);
    const trail = auditListSchema.parse((await g.h.audit({ referral: later.id }, KALMAR)).body).items;
    expect(trail.map((e) => e.action)).toContain("violence-concern:marked");

    // Investigated and concluded, it leaves the top of the list.
    view(await g.h.decision(marked, { openInvestigation: true, reason: "Utreds." }, KALMAR));
    view(await g.h.close(marked, { reason: "investigation-concluded" }, KALMAR));
    expect((await list())[0]?.id).toBe(later.id);
  });
});

describe("a lawful extension", () => {
  it("shows as extended, breaches only after the new day ends, and keeps the reason sealed", async () => {
    const referral = await post({ subject: { personalIdentityNumber: child(30).thirteen } });
    const reason = "Polisförhör med barnet inväntas.";
    const extended = view(
      await f.h.extend(referral.id, "pre-assessment", { reason, until: "2026-12-14" }, KALMAR),
    );
    expect(extended.deadlines[1]).toEqual({
      type: "pre-assessment",
      dueAt: "2026-12-14T23:00:00.000Z",
      state: "extended",
      extendedFrom: "2026-12-07T23:00:00.000Z",
    });
    const events = (await f.events()).filter((e) => referralIdOf(e) === referral.id);
    expect(events.find((e) => e.type === "deadline.extended")?.data).toMatchObject({
      deadline: "pre-assessment",
      previousDueAt: "2026-12-07T23:00:00.000Z",
      dueAt: "2026-12-14T23:00:00.000Z",
    });
    expect(JSON.stringify(events)).not.toContain("Polisförhör");
    expect(JSON.stringify(await f.stored(referral.id))).not.toContain("Polisförhör");

    at("2026-12-10T12:00:00+01:00");
    await f.sweep();
    expect(view(await f.h.get(referral.id, KALMAR)).deadlines.map((d) => d.state)).toEqual([
      "breached",
      "extended",
    ]);
    at("2026-12-15T00:00:00+01:00");
    await f.sweep();
    const breaches = (await f.events()).filter(
      (e) => e.type === "deadline.breached" && referralIdOf(e) === referral.id,
    );
    expect(breaches.map((e) => e.data)).toEqual([
      expect.objectContaining({ deadline: "protection-assessment" }),
      expect.objectContaining({ deadline: "pre-assessment", dueAt: "2026-12-14T23:00:00.000Z" }),
    ]);
    const detail = await detailOf(referral.id);
    expect(detail.extensions).toEqual([
      expect.objectContaining({
        type: "pre-assessment",
        reason,
        by: KALMAR.sub,
        previousDueAt: "2026-12-07T23:00:00.000Z",
      }),
    ]);
    const trail = auditListSchema.parse((await f.h.audit({ referral: referral.id }, KALMAR)).body).items;
    expect(trail.map((e) => e.action)).toContain("extend:pre-assessment");
    at(NOW.toISOString());
  });

  it("extends a child's investigation for a set time, only before it runs out, and only the two lawful types", async () => {
    const referral = await post({ subject: { personalIdentityNumber: child(31).thirteen } });
    view(await f.h.decision(referral.id, { openInvestigation: true, reason: "Oro." }, KALMAR));
    const extended = view(
      await f.h.extend(
        referral.id,
        "investigation",
        { reason: "Utredning i annat land.", until: "2027-05-31" },
        KALMAR,
      ),
    );
    expect(extended.deadlines.find((d) => d.type === "investigation")).toMatchObject({
      state: "extended",
      dueAt: "2027-05-31T22:00:00.000Z",
      extendedFrom: "2027-03-23T23:00:00.000Z",
    });
    const wrongType = await f.h.extend(
      referral.id,
      "protection-assessment",
      { reason: "x", until: "2027-01-01" },
      KALMAR,
    );
    expect(wrongType.status).toBe(400);
    expect(problem.parse(wrongType.body).errors?.map((e) => e.path)).toEqual(["path.type"]);
    expect(
      (await f.h.extend(referral.id, "investigation", { reason: "x", until: "2027-05-01" }, KALMAR)).status,
    ).toBe(422);
    const late = await post({ subject: { personalIdentityNumber: child(32).thirteen } });
    at("2026-12-08T00:00:00+01:00");
    expect(
      (await f.h.extend(late.id, "pre-assessment", { reason: "x", until: "2026-12-20" }, KALMAR)).status,
    ).toBe(409);
    at(NOW.toISOString());
  });
});

it("closes a child's report only once its decision is recorded, or with a reason none is due", async () => {
  const referral = await post({ subject: { personalIdentityNumber: child(40).thirteen } });
  const refused = await f.h.close(referral.id, { reason: "no-investigation" }, KALMAR);
  expect(refused.status).toBe(409);
  expect(problem.parse(refused.body).detail).toContain("needs its decision whether to open an investigation");
  view(await f.h.decision(referral.id, { openInvestigation: false, reason: "Ingen oro kvar." }, KALMAR));
  expect(view(await f.h.close(referral.id, { reason: "no-investigation" }, KALMAR)).status).toBe("closed");
  const merged = await post({ subject: { personalIdentityNumber: child(41).thirteen } });
  expect(view(await f.h.close(merged.id, { reason: "merged" }, KALMAR)).status).toBe("closed");
});

it("takes a report dated back up to 30 days with a reason, counting its deadlines from then", async () => {
  const back = (receivedAt: string, backdatedReason?: string) =>
    f.h.post(
      referralBody({
        subject: { personalIdentityNumber: child(50).thirteen },
        receivedAt,
        ...(backdatedReason ? { backdatedReason } : {}),
      }),
    );
  const noReason = await back("2026-11-20T09:00:00+01:00");
  expect(noReason.status).toBe(400);
  expect(problem.parse(noReason.body).errors?.map((e) => e.path)).toEqual(["backdatedReason"]);
  const tooOld = await back("2026-10-23T09:00:00+02:00", "Brev som legat i fel fack.");
  expect(tooOld.status).toBe(422);
  expect(problem.parse(tooOld.body).errors?.map((e) => e.path)).toEqual(["receivedAt"]);
  const ok = referralViewSchema.parse((await back("2026-11-20T09:00:00+01:00", "Kom med posten.")).body);
  expect(ok.deadlines).toEqual([
    { type: "protection-assessment", dueAt: "2026-11-21T23:00:00.000Z", state: "breached" },
    // 20 November + 14 = Friday 4 December.
    { type: "pre-assessment", dueAt: "2026-12-04T23:00:00.000Z", state: "open" },
  ]);
  expect((await detailOf(ok.id)).backdatedReason).toBe("Kom med posten.");
  expect(JSON.stringify(await f.stored(ok.id))).not.toContain("posten");
});
