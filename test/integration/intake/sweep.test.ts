/**
 * The deadline sweep against DynamoDB Local: one `deadline.breached` per deadline, exactly at its
 * due time across the daylight-saving switches, never for a step done or a referral closed, and
 * reading only what is due.
 */
import { describe, expect, it } from "vitest";
import { referralViewSchema } from "../../../services/intake/contract";
import { CHILD, intakeFixture, referralBody, referralIdOf, staff } from "../../support/intake";

const breachesOf = async (f: Awaited<ReturnType<typeof intakeFixture>>, id: string) =>
  (await f.events())
    .filter((e) => e.type === "deadline.breached" && referralIdOf(e) === id)
    .map((e) => e.data as { deadline: string; dueAt: string; breachedAt: string });

describe("the sweep at the daylight-saving switches", () => {
  it("breaches a protection assessment when the next day ends in summer time (spring switch)", async () => {
    // Saturday 28 March 2026; the clocks go forward early on Sunday 29 March.
    const f = await intakeFixture(new Date("2026-03-28T10:00:00+01:00"));
    const referral = referralViewSchema.parse((await f.h.post(referralBody())).body);
    f.clock.set(new Date("2026-03-29T21:59:59Z"));
    expect((await f.sweep()).breaches).toBe(0);
    f.clock.set(new Date("2026-03-29T22:00:00Z"));
    expect(await f.sweep()).toEqual({ examined: 1, breaches: 1, skipped: 0, failed: 0, deferred: 0 });
    expect(await f.sweep()).toEqual({ examined: 0, breaches: 0, skipped: 0, failed: 0, deferred: 0 });
    expect(await breachesOf(f, referral.id)).toEqual([
      {
        service: "intake",
        subject: { type: "referral", id: referral.id },
        deadline: "protection-assessment",
        dueAt: "2026-03-29T22:00:00.000Z",
        breachedAt: "2026-03-29T22:00:00.000Z",
      },
    ]);
    // The pre-assessment is next: 14 days end on Saturday 11 April, so by lagen (1930:173) 2 §
    // it is due when Monday 13 April ends, not before.
    f.clock.set(new Date("2026-04-11T22:00:00Z"));
    expect((await f.sweep()).breaches).toBe(0);
    f.clock.set(new Date("2026-04-13T22:00:00Z"));
    expect((await f.sweep()).breaches).toBe(1);
    expect((await breachesOf(f, referral.id)).map((b) => b.deadline)).toEqual([
      "protection-assessment",
      "pre-assessment",
    ]);
    const answer = await f.h.get(referral.id, staff("0880"));
    expect(referralViewSchema.parse(answer.body).deadlines.map((d) => d.state)).toEqual([
      "breached",
      "breached",
    ]);
  });

  it("breaches at 00:00 CET after the autumn switch, not an hour early", async () => {
    // Saturday 24 October 2026; the clocks go back early on Sunday 25 October.
    const f = await intakeFixture(new Date("2026-10-24T10:00:00+02:00"));
    referralViewSchema.parse((await f.h.post(referralBody())).body);
    f.clock.set(new Date("2026-10-25T22:59:59Z"));
    expect((await f.sweep()).breaches).toBe(0);
    f.clock.set(new Date("2026-10-25T23:00:00Z"));
    expect((await f.sweep()).breaches).toBe(1);
  });
});

describe("what the sweep reads", () => {
  it("examines only the due referrals, and never a step done or a referral closed", async () => {
    const f = await intakeFixture(new Date("2026-11-20T10:00:00+01:00"));
    const due = [];
    for (let i = 0; i < 3; i++) due.push(referralViewSchema.parse((await f.h.post(referralBody())).body));
    f.clock.set(new Date("2026-11-23T10:00:00+01:00"));
    // Not yet due: received today.
    for (let i = 0; i < 5; i++) await f.h.post(referralBody());
    const [assessed, closed] = due;
    await f.h.protection(assessed?.id ?? "", { immediateProtectionNeeded: false }, staff("0880"));
    // Merged into another referral: no förhandsbedömning of its own is due, so it may close undecided.
    await f.h.close(closed?.id ?? "", { reason: "merged" }, staff("0880"));
    // The late assessment was its own breach, recorded when it was done.
    const result = await f.sweep();
    expect(result).toEqual({ examined: 1, breaches: 1, skipped: 0, failed: 0, deferred: 0 });
    expect(await breachesOf(f, closed?.id ?? "")).toEqual([]);
    expect((await breachesOf(f, assessed?.id ?? "")).map((b) => b.deadline)).toEqual([
      "protection-assessment",
    ]);
    for (const form of CHILD.forms) expect(JSON.stringify(await f.events())).not.toContain(form);
  });
});
