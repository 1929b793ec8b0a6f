/**
 * The intake queue's consumer against DynamoDB Local: release notices and completed hotline
 * triages become referrals, once each, whatever the redeliveries.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { referralDetailSchema } from "../../../services/intake/contract";
import {
  ADULT,
  CHILD,
  type IntakeFixture,
  intakeFixture,
  noticeReceived,
  noticeUpdated,
  noticeWithdrawn,
  planReady,
  referralIdOf,
  staff,
  triageCompleted,
  YOUNG_ADULT,
} from "../../support/intake";

const NOW = new Date("2026-11-23T10:00:00+01:00");
const KALMAR = staff("0880");

let f: IntakeFixture;
beforeAll(async () => {
  f = await intakeFixture(NOW);
});

let n = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;

const referralsFrom = async (sourceId: string) => {
  const details = [];
  for (const id of await f.referralIds()) {
    const detail = referralDetailSchema.parse((await f.h.get(id, KALMAR)).body);
    if (detail.source?.id === sourceId) details.push(detail);
  }
  return details;
};

describe("release notices", () => {
  it("turns a received notice into a release referral for Mottag vuxen, plan due when the release day begins", async () => {
    const noticeId = newId("KV");
    const result = await f.consume([noticeReceived(noticeId, YOUNG_ADULT)]);
    expect(result.batchItemFailures).toEqual([]);
    const [referral, ...more] = await referralsFrom(noticeId);
    expect(more).toEqual([]);
    expect(referral).toMatchObject({
      kind: "release",
      unit: "mottag-vuxen",
      ageGroup: "18-30",
      status: "open",
      source: { type: "release-notice", id: noticeId },
      subject: { personalIdentityNumber: YOUNG_ADULT.canonical },
      deadlines: [{ type: "release-plan", dueAt: "2027-04-14T22:00:00.000Z", state: "open" }],
    });
    const received = (await f.events()).find(
      (e) => e.type === "referral.received" && referralIdOf(e) === referral?.id,
    );
    expect(received?.data).toMatchObject({
      kind: "release",
      source: { type: "release-notice", id: noticeId },
    });
  });

  it("makes one referral of a notice redelivered, and of the same notice under another event id", async () => {
    const noticeId = newId("KV");
    const event = noticeReceived(noticeId, ADULT);
    await f.consume([event]);
    await f.consume([event]);
    await f.consume([noticeReceived(noticeId, ADULT)]);
    // Both at once in one batch as well.
    await f.consume([noticeReceived(noticeId, ADULT), noticeReceived(noticeId, ADULT)]);
    expect(await referralsFrom(noticeId)).toHaveLength(1);
  });

  it("moves the plan deadline on an update, ignores an older update arriving late, and closes on withdrawal", async () => {
    const noticeId = newId("KV");
    await f.consume([noticeReceived(noticeId, ADULT)]);
    await f.consume([noticeUpdated(noticeId, ADULT, "2027-05-20", "2026-11-25T10:00:00.000Z")]);
    await f.consume([noticeUpdated(noticeId, ADULT, "2027-03-01", "2026-11-24T10:00:00.000Z")]);
    const [moved] = await referralsFrom(noticeId);
    expect(moved?.deadlines).toEqual([
      { type: "release-plan", dueAt: "2027-05-19T22:00:00.000Z", state: "open" },
    ]);

    await f.consume([noticeWithdrawn(noticeId, ADULT)]);
    const [withdrawn] = await referralsFrom(noticeId);
    expect(withdrawn?.status).toBe("withdrawn");
    const closed = (await f.events()).find(
      (e) => e.type === "referral.closed" && referralIdOf(e) === withdrawn?.id,
    );
    expect(closed?.data).toMatchObject({ reason: "withdrawn" });
  });

  it("makes nothing of a notice withdrawn before it arrived, and a referral of an update that overtook it", async () => {
    const withdrawnFirst = newId("KV");
    await f.consume([noticeWithdrawn(withdrawnFirst, ADULT)]);
    await f.consume([noticeReceived(withdrawnFirst, ADULT)]);
    expect(await referralsFrom(withdrawnFirst)).toEqual([]);

    const updatedFirst = newId("KV");
    await f.consume([noticeUpdated(updatedFirst, CHILD, "2027-06-01", "2026-11-23T08:00:00.000Z")]);
    await f.consume([noticeReceived(updatedFirst, CHILD)]);
    const [referral, ...more] = await referralsFrom(updatedFirst);
    expect(more).toEqual([]);
    // A child released goes to Mottag barn (the routing table's first rows win) with the plan deadline.
    expect(referral).toMatchObject({
      unit: "mottag-barn",
      deadlines: [{ type: "release-plan", dueAt: "2027-05-31T22:00:00.000Z" }],
    });
  });

  it("meets the plan deadline when the plan is recorded ready before the release day", async () => {
    const noticeId = newId("KV");
    await f.consume([noticeReceived(noticeId, ADULT)]);
    const ready = planReady(noticeId, "2027-03-01T10:00:00.000Z");
    await f.consume([ready]);
    await f.consume([ready]);
    const [referral] = await referralsFrom(noticeId);
    expect(referral?.deadlines).toEqual([
      { type: "release-plan", dueAt: "2027-04-14T22:00:00.000Z", state: "met" },
    ]);
  });
});

describe("hotline triages", () => {
  it("makes a hotline referral and, with financial assistance, one for Ekonomiskt bistånd", async () => {
    const triageId = newId("TR");
    const event = triageCompleted(triageId, YOUNG_ADULT, "done");
    await f.consume([event]);
    await f.consume([triageCompleted(triageId, YOUNG_ADULT, "done")]);
    const referrals = await referralsFrom(triageId);
    expect(referrals.map((r) => [r.kind, r.unit, r.source?.type]).sort()).toEqual([
      ["hotline", "ekonomiskt-bistand", "hotline-triage"],
      ["hotline", "utredning-unga-vuxna", "hotline-triage"],
    ]);
  });

  it("counts from the call, and sends a child who calls to Mottag barn with a child's deadlines, once", async () => {
    const triageId = newId("TR");
    // Called at 09:00 on 23 November, triage completed at 21:00; financial assistance was done.
    await f.consume([triageCompleted(triageId, CHILD, "done")]);
    const referrals = await referralsFrom(triageId);
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({
      kind: "hotline",
      unit: "mottag-barn",
      ageGroup: "13-17",
      receivedAt: "2026-11-23T08:00:00.000Z",
      deadlines: [
        { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
        { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
      ],
    });
    // An adult's referral counts from the call too.
    const adult = newId("TR");
    await f.consume([triageCompleted(adult, ADULT, "not-needed")]);
    expect((await referralsFrom(adult))[0]?.receivedAt).toBe("2026-11-23T08:00:00.000Z");
  });

  it("makes nothing of a triage without a person, and one referral without financial assistance", async () => {
    const anonymous = newId("TR");
    await f.consume([triageCompleted(anonymous, undefined, "not-needed")]);
    expect(await referralsFrom(anonymous)).toEqual([]);
    const triageId = newId("TR");
    await f.consume([triageCompleted(triageId, ADULT, "not-needed")]);
    expect((await referralsFrom(triageId)).map((r) => r.unit)).toEqual(["mottag-vuxen"]);
  });
});

/** One bit of the ciphertext flipped: always a different seal, still well-formed, never opens. */
const flipOneBit = (sealed: string): string => {
  const parts = sealed.split(".");
  const body = Buffer.from(parts.at(-1) ?? "", "base64url");
  body[0] = (body[0] ?? 0) ^ 1;
  return [...parts.slice(0, -1), body.toString("base64url")].join(".");
};

it("fails only the message whose sealed identity cannot be opened", async () => {
  const good = newId("KV");
  const bad = noticeReceived(newId("KV"), ADULT);
  const tampered = { ...bad, data: { ...bad.data, subjectSealed: flipOneBit(bad.data.subjectSealed) } };
  const batch = [noticeReceived(good, ADULT), tampered];
  const result = await f.consume(batch);
  expect(result.batchItemFailures).toHaveLength(1);
  expect(await referralsFrom(good)).toHaveLength(1);
});
