/**
 * POST /v1/referrals against DynamoDB Local and fauxqs: routing, deadlines on receipt, the 18th
 * birthday, bad input (400 naming each field, nothing written, nothing echoed), idempotency and
 * linking a person's referrals in one unit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { receiptSchema, referralViewSchema } from "../../../services/intake/contract";
import {
  ADULT,
  CHILD,
  desk,
  type IntakeFixture,
  intakeFixture,
  personnummer,
  referralBody,
  referralIdOf,
  reporter,
  SUMMARY,
  staff,
  TURNS_18,
  YOUNG_ADULT,
} from "../../support/intake";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const problemSchema = z.object({
  status: z.number(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

const post = async (overrides: Parameters<typeof referralBody>[0], headers?: Record<string, string>) => {
  const answer = await f.h.post(referralBody(overrides), desk(), headers);
  return { answer, referral: answer.status < 300 ? referralViewSchema.parse(answer.body) : undefined };
};

describe("routing and deadlines on receipt", () => {
  it("routes each kind and age to its unit, with the deadlines the rules give", async () => {
    const cases = [
      { kind: "concern", person: CHILD, unit: "mottag-barn", ageGroup: "13-17" },
      { kind: "application", person: ADULT, unit: "mottag-vuxen", ageGroup: "31+" },
      { kind: "concern", person: ADULT, unit: "mottag-vuxen", ageGroup: "31+" },
      { kind: "self-referral", person: YOUNG_ADULT, unit: "utredning-unga-vuxna", ageGroup: "18-30" },
      { kind: "police", person: YOUNG_ADULT, unit: "utredning-unga-vuxna", ageGroup: "18-30" },
      {
        kind: "self-referral",
        person: personnummer("19700101", "567"),
        unit: "mottag-vuxen",
        ageGroup: "31+",
      },
      { kind: "police", person: personnummer("20130303", "678"), unit: "mottag-barn", ageGroup: "13-17" },
      { kind: "concern", person: personnummer("20210707", "789"), unit: "mottag-barn", ageGroup: "0-5" },
    ];
    for (const c of cases) {
      const { answer, referral } = await post({
        kind: c.kind,
        subject: { personalIdentityNumber: c.person.thirteen },
      });
      expect(answer.status, c.kind).toBe(201);
      expect({ unit: referral?.unit, ageGroup: referral?.ageGroup }, `${c.kind} ${c.ageGroup}`).toEqual({
        unit: c.unit,
        ageGroup: c.ageGroup,
      });
      const isChild = c.unit === "mottag-barn";
      expect(referral?.deadlines.map((d) => d.type)).toEqual(
        isChild ? ["protection-assessment", "pre-assessment"] : [],
      );
    }
  });

  it("answers 201 with the referral, its deadlines open, and emits referral.received without personal data", async () => {
    const { answer, referral } = await post({});
    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe(`/v1/referrals/${referral?.id}`);
    expect(referral).toMatchObject({
      kind: "concern",
      unit: "mottag-barn",
      status: "open",
      receivedAt: "2026-11-23T09:00:00.000Z",
      deadlines: [
        { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
        { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
      ],
    });
    const events = (await f.events()).filter((e) => referralIdOf(e) === referral?.id);
    expect(events.map((e) => e.type)).toEqual(["referral.received"]);
    const raw = JSON.stringify(events);
    for (const form of CHILD.forms) expect(raw).not.toContain(form);
    expect(raw).not.toContain("Lisa");
    const stored = JSON.stringify(await f.stored(referral?.id ?? ""));
    for (const form of CHILD.forms) expect(stored).not.toContain(form);
    expect(stored).not.toContain("Lisa");
  });

  it("treats a person received on their 18th birthday as an adult, and the day before as a child", async () => {
    // Dated back, as a report taken by phone the night before would be.
    const backdatedReason = "Anmälan togs emot per telefon.";
    const onBirthday = await post({
      kind: "police",
      firstOffence: true,
      subject: { personalIdentityNumber: TURNS_18.thirteen },
      // 00:30 on 24 November in Sweden, still 23 November in UTC.
      receivedAt: "2026-11-23T23:30:00Z",
    });
    f.clock.set(new Date("2026-11-24T12:00:00Z"));
    try {
      const again = await post({
        kind: "police",
        firstOffence: true,
        subject: { personalIdentityNumber: TURNS_18.thirteen },
        receivedAt: "2026-11-23T22:59:00Z",
        backdatedReason,
      });
      expect(again.referral).toMatchObject({ unit: "mottag-barn", ageGroup: "13-17" });
      expect(again.referral?.deadlines.map((d) => d.type)).toEqual([
        "protection-assessment",
        "pre-assessment",
        "first-offence-conversation",
      ]);
      expect(again.referral?.deadlines.find((d) => d.type === "first-offence-conversation")?.dueAt).toBe(
        "2026-11-25T22:59:00.000Z",
      );
    } finally {
      f.clock.set(NOW);
    }
    // The clock was at NOW for the first post: 23:30 UTC is after it, so it is in the future.
    expect(onBirthday.answer.status).toBe(400);
    f.clock.set(new Date("2026-11-24T12:00:00Z"));
    try {
      const adult = await post({
        kind: "police",
        firstOffence: true,
        subject: { personalIdentityNumber: TURNS_18.thirteen },
        receivedAt: "2026-11-23T23:30:00Z",
        backdatedReason,
      });
      expect(adult.referral).toMatchObject({
        unit: "utredning-unga-vuxna",
        ageGroup: "18-30",
        deadlines: [],
      });
    } finally {
      f.clock.set(NOW);
    }
  });
});

describe("bad input", () => {
  const expectRejected = async (body: unknown, paths: string[], claims = reporter(), status = 400) => {
    const before = await f.itemCount();
    const answer = await f.h.post(body, claims);
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    const problem = problemSchema.parse(answer.body);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([...paths].sort());
    for (const form of CHILD.forms) expect(answer.raw).not.toContain(form);
    expect(answer.raw).not.toContain("Lisa");
    expect(await f.itemCount()).toBe(before);
  };

  it("names a bad identity number, and echoes nothing of it", async () => {
    const wrongCheck = `${CHILD.thirteen.slice(0, -1)}${(Number(CHILD.thirteen.slice(-1)) + 1) % 10}`;
    await expectRejected(referralBody({ subject: { personalIdentityNumber: wrongCheck } }), [
      "subject.personalIdentityNumber",
    ]);
    await expectRejected(referralBody({ subject: { personalIdentityNumber: "abc" } }), [
      "subject.personalIdentityNumber",
    ]);
  });

  it("names an unknown kind, a missing reporter, an unknown field and a firstOffence off a police referral", async () => {
    await expectRejected({ ...referralBody(), kind: "release" }, ["kind"]);
    const { reporter: _r, ...noReporter } = referralBody();
    await expectRejected({ ...noReporter, extra: 1 }, ["reporter", "extra"]);
    await expectRejected(referralBody({ firstOffence: true }), ["firstOffence"]);
  });

  it("names a future receivedAt, and every bad field at once", async () => {
    await expectRejected(referralBody({ receivedAt: "2026-11-23T10:00:01+01:00" }), ["receivedAt"]);
    await expectRejected(
      referralBody({
        receivedAt: "2027-01-01T00:00:00Z",
        municipality: "0000",
        subject: { personalIdentityNumber: "0000000000" },
      }),
      ["receivedAt", "municipality", "subject.personalIdentityNumber"],
    );
  });

  it("refuses a municipality other than the token's with 403 naming the field", async () => {
    await expectRejected(referralBody({ municipality: "1490" }), ["municipality"], reporter("0880"), 403);
  });
});

describe("Idempotency-Key", () => {
  it("returns the same referral for a retry (200) and 409 for another body under the same key", async () => {
    const key = { "idempotency-key": "school-42-retry" };
    const first = await post({ subject: { personalIdentityNumber: ADULT.thirteen } }, key);
    expect(first.answer.status).toBe(201);
    const count = await f.itemCount();
    const retry = await post({ subject: { personalIdentityNumber: ADULT.thirteen } }, key);
    expect(retry.answer.status).toBe(200);
    expect(retry.referral?.id).toBe(first.referral?.id);
    expect(await f.itemCount()).toBe(count);

    const other = await f.h.post(referralBody({ summary: "another report" }), desk(), key);
    expect(other.status).toBe(409);
    expect(await f.itemCount()).toBe(count);
  });

  it("keeps keys apart per caller: another system's same key makes its own referral", async () => {
    const key = { "idempotency-key": "shared-key" };
    const a = await f.h.post(referralBody(), reporter(), key);
    const b = await f.h.post(referralBody(), { ...reporter(), sub: "another-system" }, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(receiptSchema.parse(a.body).id).not.toBe(receiptSchema.parse(b.body).id);
  });

  it("refuses a malformed key", async () => {
    const answer = await f.h.post(referralBody(), reporter(), { "idempotency-key": "x".repeat(129) });
    expect(answer.status).toBe(400);
    expect(problemSchema.parse(answer.body).errors?.[0]?.path).toBe("header.idempotency-key");
  });
});

describe("a person with an open referral in the same unit", () => {
  it("links the new referral to the open one; another unit, or after closing, opens its own", async () => {
    const person = personnummer("20000505", "111");
    const body = { kind: "self-referral", subject: { personalIdentityNumber: person.thirteen } };
    const first = (await post(body)).referral;
    expect(first?.linkedReferralId).toBeUndefined();
    // The same person, typed in another form, through the Police.
    const second = (await post({ kind: "police", subject: { personalIdentityNumber: person.ten } })).referral;
    expect(second?.linkedReferralId).toBe(first?.id);
    const received = (await f.events()).find(
      (e) => e.type === "referral.received" && referralIdOf(e) === second?.id,
    );
    expect(received?.data).toMatchObject({ linkedReferralId: first?.id });

    // An application by the same person goes to another unit: a case of its own.
    const elsewhere = (
      await post({ kind: "application", subject: { personalIdentityNumber: person.thirteen } })
    ).referral;
    expect(elsewhere?.unit).toBe("mottag-vuxen");
    expect(elsewhere?.linkedReferralId).toBeUndefined();

    const closed = await f.h.close(first?.id ?? "", { reason: "no-investigation" }, staff("0880"));
    expect(closed.status).toBe(200);
    const third = (await post(body)).referral;
    expect(third?.linkedReferralId).toBeUndefined();
    const fourth = (await post(body)).referral;
    expect(fourth?.linkedReferralId).toBe(third?.id);
  });

  it("links one of two concurrent referrals for the same person to the other", async () => {
    const person = personnummer("19960606", "222");
    const body = referralBody({
      kind: "self-referral",
      subject: { personalIdentityNumber: person.thirteen },
    });
    const answers = await Promise.all([f.h.post(body), f.h.post(body), f.h.post(body)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const referrals = answers.map((a) => referralViewSchema.parse(a.body));
    const primaries = referrals.filter((r) => r.linkedReferralId === undefined);
    expect(primaries).toHaveLength(1);
    for (const r of referrals) if (r !== primaries[0]) expect(r.linkedReferralId).toBe(primaries[0]?.id);
  });
});

it("keeps the summary sealed in the table and shows it to the municipality's staff", async () => {
  const { referral } = await post({});
  const detail = await f.h.get(referral?.id ?? "", staff("0880"));
  expect(detail.status).toBe(200);
  expect(detail.body).toMatchObject({
    summary: SUMMARY,
    subject: { personalIdentityNumber: CHILD.canonical },
  });
});
