/**
 * Reports as they really arrive, through the HTTP API against DynamoDB Local and fauxqs: without
 * a personnummer, about several children at once, with the reporter and the guardians, from a
 * write-only e-service that learns nothing but the receipt, and Idempotency-Keys that expire.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  auditListSchema,
  groupReceiptSchema,
  referralDetailSchema,
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
const BORAS = staff("1490");
const problem = z.object({ errors: z.optional(z.array(z.object({ path: z.string() }))) });

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

const child = (n: number) => personnummer("20150606", String(600 + n));
const detailOf = async (id: string) => referralDetailSchema.parse((await f.h.get(id, KALMAR)).body);
const view = (answer: { status: number; body: unknown }) => {
  expect(answer.status).toBe(200);
  return referralViewSchema.parse(answer.body);
};

describe("a report without a personnummer", () => {
  it("is routed and given deadlines by the age given, with the name sealed, and identified later", async () => {
    const person = child(1);
    const known = referralViewSchema.parse(
      (await f.h.post(referralBody({ subject: { personalIdentityNumber: person.thirteen } }))).body,
    );
    const posted = await f.h.post(referralBody({ subject: { name: "Ali Hassan", birthDate: "2015-06-06" } }));
    expect(posted.status).toBe(201);
    const unknown = referralViewSchema.parse(posted.body);
    expect(unknown).toMatchObject({ identity: "unknown", unit: "mottag-barn", ageGroup: "6-12" });
    expect(unknown.linkedReferralId).toBeUndefined();
    expect(unknown.deadlines.map((d) => d.type)).toEqual(["protection-assessment", "pre-assessment"]);
    expect(JSON.stringify(await f.stored(unknown.id))).not.toContain("Ali");
    const received = (await f.events()).find(
      (e) => e.type === "referral.received" && referralIdOf(e) === unknown.id,
    );
    expect(received?.data).toMatchObject({ identity: "unknown" });
    expect(JSON.stringify(received)).not.toContain("Ali");
    expect((await detailOf(unknown.id)).subject).toEqual({ name: "Ali Hassan", birthDate: "2015-06-06" });

    const adult = referralViewSchema.parse(
      (await f.h.post(referralBody({ subject: { name: "Okänd man", approximateAge: 40 } }))).body,
    );
    expect(adult).toMatchObject({
      identity: "unknown",
      unit: "mottag-vuxen",
      ageGroup: "31+",
      deadlines: [],
    });

    const bad = await f.h.identify(unknown.id, { personalIdentityNumber: "20150606-0000" }, KALMAR);
    expect(bad.status).toBe(400);
    const identified = view(await f.h.identify(unknown.id, { personalIdentityNumber: person.ten }, KALMAR));
    expect(identified.identity).toBeUndefined();
    expect(identified.linkedReferralId).toBe(known.id);
    const detail = await detailOf(unknown.id);
    expect(detail.subject).toEqual({ personalIdentityNumber: person.canonical });
    expect(detail.reportedAs).toEqual({ name: "Ali Hassan", birthDate: "2015-06-06" });
    expect((await detailOf(known.id)).linkedReferrals?.map((l) => l.id)).toEqual([unknown.id]);
    expect((await f.h.identify(unknown.id, { personalIdentityNumber: person.ten }, KALMAR)).status).toBe(409);
    const trail = auditListSchema.parse((await f.h.audit({ referral: unknown.id }, KALMAR)).body).items;
    expect(trail.map((e) => e.action)).toContain("identify");
  });

  it("names a subject of no accepted shape", async () => {
    const paths = async (subject: unknown) =>
      problem.parse((await f.h.post({ ...referralBody(), subject })).body).errors?.map((e) => e.path);
    expect(await paths({ name: "Ali" })).toEqual(["subject.birthDate"]);
    expect(await paths({ approximateAge: 7 })).toEqual(["subject.name"]);
    expect(await paths({ personalIdentityNumber: child(2).thirteen, name: "Ali" })).toEqual(["subject.name"]);
  });
});

describe("several children in one report", () => {
  it("makes one referral per child with its own deadlines and one groupId; a retry answers the same", async () => {
    const body = referralBody({
      subject: undefined,
      subjects: [
        { personalIdentityNumber: child(3).thirteen },
        { name: "Lillasyster", approximateAge: 4 },
        { name: "Storebror", birthDate: "2008-11-01" },
      ],
    });
    const key = { "idempotency-key": "skola-syskon-1" };
    const first = await f.h.post(body, reporter("0880"), key);
    expect(first.status).toBe(201);
    const group = groupReceiptSchema.parse(first.body);
    expect(group.items).toHaveLength(3);
    const count = await f.itemCount();
    const retry = await f.h.post(body, reporter("0880"), key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await f.itemCount()).toBe(count);

    const referrals = await Promise.all(group.items.map((i) => detailOf(i.id)));
    expect(referrals.map((r) => [r.groupId, r.ageGroup, r.unit, r.deadlines.length])).toEqual([
      [group.groupId, "6-12", "mottag-barn", 2],
      [group.groupId, "0-5", "mottag-barn", 2],
      // Eighteen on 1 November 2026: an adult, no child deadlines.
      [group.groupId, "18-30", "mottag-vuxen", 0],
    ]);
  });

  it("refuses more than ten, both subject and subjects, and one child twice", async () => {
    const paths = async (overrides: Parameters<typeof referralBody>[0]) =>
      problem.parse((await f.h.post(referralBody(overrides))).body).errors?.map((e) => e.path);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `Barn ${i}`, approximateAge: 5 }));
    expect(await paths({ subject: undefined, subjects: eleven })).toEqual(["subjects"]);
    expect(await paths({ subjects: [{ name: "A", approximateAge: 5 }] })).toEqual(["subject"]);
    const twice = child(4);
    expect(
      await paths({
        subject: undefined,
        subjects: [{ personalIdentityNumber: twice.thirteen }, { personalIdentityNumber: twice.ten }],
      }),
    ).toEqual(["subjects.1"]);
  });
});

describe("what a write-only caller learns", () => {
  it("is { id, receivedAt }: not the open case, the caseworker or the status, not even on a replay", async () => {
    const person = child(5);
    const open = referralViewSchema.parse(
      (await f.h.post(referralBody({ subject: { personalIdentityNumber: person.thirteen } }))).body,
    );
    expect(
      (await f.h.putCaseworker("mottag-barn", "cw-barn", { name: "Berit Bo", capacity: 10 }, KALMAR)).status,
    ).toBe(200);
    view(await f.h.assign(open.id, { caseworkerId: "cw-barn" }, KALMAR));
    const key = { "idempotency-key": "polisen-2026-77" };
    const body = referralBody({
      kind: "police",
      subject: { personalIdentityNumber: person.thirteen },
      reporter: { role: "police" },
    });
    for (const expected of [201, 200]) {
      const answer = await f.h.post(body, reporter(), key);
      expect(answer.status).toBe(expected);
      expect(Object.keys(answer.body as object).sort()).toEqual(["id", "receivedAt"]);
      expect(answer.raw).not.toContain(open.id);
      expect(answer.raw).not.toContain("cw-barn");
    }
    const id = z.object({ id: z.string() }).parse((await f.h.post(body, reporter(), key)).body).id;
    // The link and the caseworker exist; only the municipality's staff see them.
    expect(view(await f.h.get(id, KALMAR))).toMatchObject({ linkedReferralId: open.id, assignee: "cw-barn" });
  });
});

it("keeps the reporter and the guardians sealed, for the municipality's staff only, audited", async () => {
  const posted = await f.h.post(
    referralBody({
      subject: { personalIdentityNumber: child(6).thirteen },
      reporter: {
        role: "school",
        name: "Lena Ek",
        contact: { phone: "+46701234567", email: "lena.ek@skola.se" },
      },
      guardians: [{ name: "Maria Svensson", contact: { phone: "+46709876543" } }],
    }),
    reporter("0880"),
  );
  const id = z.object({ id: z.string() }).parse(posted.body).id;
  const stored = JSON.stringify(await f.stored(id));
  for (const secret of ["Lena", "46701234567", "skola.se", "Maria", "46709876543"])
    expect(stored).not.toContain(secret);
  const events = JSON.stringify((await f.events()).filter((e) => referralIdOf(e) === id));
  expect(events).not.toContain("Maria");
  const detail = await detailOf(id);
  expect(detail.reporter).toEqual({
    role: "school",
    dutyToReport: true,
    name: "Lena Ek",
    contact: { phone: "+46701234567", email: "lena.ek@skola.se" },
  });
  expect(detail.guardians).toEqual([{ name: "Maria Svensson", contact: { phone: "+46709876543" } }]);
  expect((await f.h.get(id, BORAS)).status).toBe(404);
  const trail = auditListSchema.parse((await f.h.audit({ referral: id }, KALMAR)).body).items;
  expect(trail.map((e) => e.action)).toEqual(["create", "read"]);
  const relative = referralViewSchema.parse(
    (
      await f.h.post(
        referralBody({
          subject: { personalIdentityNumber: child(7).thirteen },
          reporter: { role: "relative" },
        }),
      )
    ).body,
  );
  expect((await detailOf(relative.id)).reporter).toEqual({ role: "relative", dutyToReport: false });
});

it("forgets an Idempotency-Key after 30 days", async () => {
  const g = await intakeFixture(NOW);
  const key = { "idempotency-key": "skola-2026-0099" };
  const body = referralBody({ subject: { personalIdentityNumber: child(8).thirteen } });
  const first = z.object({ id: z.string() }).parse((await g.h.post(body, reporter(), key)).body).id;
  g.clock.set(new Date("2026-12-22T10:00:00+01:00"));
  const within = await g.h.post(body, reporter(), key);
  expect([within.status, z.object({ id: z.string() }).parse(within.body).id]).toEqual([200, first]);
  g.clock.set(new Date("2026-12-23T10:00:01+01:00"));
  const after = await g.h.post(body, reporter(), key);
  expect(after.status).toBe(201);
  expect(z.object({ id: z.string() }).parse(after.body).id).not.toBe(first);
});
