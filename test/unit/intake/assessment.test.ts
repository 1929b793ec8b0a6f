/** The steps staff record: protection assessment, decision and first-offence conversation, against their deadlines. */
import { describe, expect, it } from "vitest";
import {
  recordConversation,
  recordDecision,
  recordProtectionAssessment,
} from "../../../services/intake/domain/assessment";
import { allowed, at, dataOf, emitted, referral, refusal } from "./referral-fixture";

const ON_TIME = at("2026-11-24T15:00:00+01:00");
const LATE = at("2026-11-25T00:00:00+01:00");

describe("the protection assessment", () => {
  const assess = (now: Date, current = referral()) =>
    recordProtectionAssessment(
      current,
      { immediateProtectionNeeded: false, noteSealed: "v1.note" },
      "hl-1",
      now,
    );

  it("meets its deadline the next day, and says so in referral.assessed", () => {
    const t = allowed(assess(ON_TIME));
    expect(t.referral.deadlines[0]).toEqual({
      type: "protection-assessment",
      dueAt: "2026-11-24T23:00:00.000Z",
      state: "met",
      doneAt: "2026-11-24T14:00:00.000Z",
    });
    expect(t.referral.protectionAssessment).toEqual({
      at: "2026-11-24T14:00:00.000Z",
      by: "hl-1",
      immediateProtectionNeeded: false,
      noteSealed: "v1.note",
    });
    expect(t.referral).toMatchObject({ version: 4, updatedAt: "2026-11-24T14:00:00.000Z" });
    expect(t.expectedVersion).toBe(3);
    expect(emitted(t)).toEqual(["referral.assessed"]);
    expect(dataOf(t, "referral.assessed")).toMatchObject({
      assessment: "protection-assessment",
      dueAt: "2026-11-24T23:00:00.000Z",
      assessedAt: "2026-11-24T14:00:00.000Z",
    });
    expect(t.audit).toEqual([
      { referralId: t.referral.id, action: "protection-assessment", actor: "hl-1", at: ON_TIME },
    ]);
  });

  it("recorded at midnight is late: breached, with the breach the sweep had not yet sent", () => {
    const t = allowed(assess(LATE));
    expect(t.referral.deadlines[0]?.state).toBe("breached");
    expect(emitted(t)).toEqual(["deadline.breached", "referral.assessed"]);
    expect(dataOf(t, "deadline.breached")).toMatchObject({
      deadline: "protection-assessment",
      breachedAt: LATE.toISOString(),
    });
  });

  it("after the sweep marked it breached, sends no second breach", () => {
    const swept = referral({
      deadlines: [{ type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "breached" }],
    });
    expect(emitted(allowed(assess(LATE, swept)))).toEqual(["referral.assessed"]);
  });

  it("is recorded once, and never on a closed referral", () => {
    const once = allowed(assess(ON_TIME)).referral;
    expect(refusal(assess(ON_TIME, once))).toMatchObject({ kind: "conflict", code: "already-recorded" });
    expect(refusal(assess(ON_TIME, referral({ status: "closed" })))).toMatchObject({
      kind: "conflict",
      code: "not-active",
    });
    expect(refusal(assess(ON_TIME, referral({ status: "withdrawn" })))).toMatchObject({ code: "not-active" });
  });

  it("without a deadline (an adult) is recorded, and the event has no due time", () => {
    const t = allowed(assess(ON_TIME, referral({ ageGroup: "31+", unit: "mottag-vuxen", deadlines: [] })));
    expect(dataOf(t, "referral.assessed")).not.toHaveProperty("dueAt");
  });
});

describe("the decision (förhandsbedömning)", () => {
  const decide = (openInvestigation: boolean, now: Date, current = referral()) =>
    recordDecision(current, { openInvestigation, reasonSealed: "v1.reason" }, "hl-1", now);

  it("opening an investigation makes it `investigating`, due when the day four months on ends", () => {
    const t = allowed(decide(true, at("2026-11-30T11:00:00+01:00")));
    expect(t.referral.status).toBe("investigating");
    expect(t.referral.deadlines).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
      {
        type: "pre-assessment",
        dueAt: "2026-12-07T23:00:00.000Z",
        state: "met",
        doneAt: "2026-11-30T10:00:00.000Z",
      },
      { type: "investigation", dueAt: "2027-03-30T22:00:00.000Z", state: "open" },
    ]);
    expect(dataOf(t, "referral.assessed")).toMatchObject({
      assessment: "pre-assessment",
      openInvestigation: true,
      investigationDueAt: "2027-03-30T22:00:00.000Z",
      dueAt: "2026-12-07T23:00:00.000Z",
    });
    expect(t.audit[0]?.action).toBe("decision");
  });

  it("not opening one leaves the referral open, with no investigation deadline", () => {
    const t = allowed(decide(false, at("2026-11-30T11:00:00+01:00")));
    expect(t.referral.status).toBe("open");
    expect(t.referral.deadlines.map((d) => d.type)).not.toContain("investigation");
    expect(dataOf(t, "referral.assessed")).not.toHaveProperty("investigationDueAt");
  });

  it("is not due for an application, nor for a report added to an investigation under way", () => {
    const application = referral({ kind: "application", status: "investigating", deadlines: [] });
    expect(refusal(decide(true, ON_TIME, application))).toEqual({
      kind: "conflict",
      code: "not-applicable",
      fields: undefined,
    });
    const joined = referral({ joinedInvestigation: true, linkedReferralId: "01KOPENCASE000000000000001" });
    expect(refusal(decide(false, ON_TIME, joined)).code).toBe("not-applicable");
  });

  it("must open an investigation on a report of suspected violence by someone close", () => {
    const marked = referral({ closeRelativeViolence: { at: "2026-11-23T09:00:00.000Z", by: "skola" } });
    expect(refusal(decide(false, ON_TIME, marked)).code).toBe("investigation-required");
    expect(allowed(decide(true, ON_TIME, marked)).referral.status).toBe("investigating");
  });

  it("gives an adult's investigation no deadline, and a municipality's own target only when one is set", () => {
    const adult = referral({ kind: "self-referral", unit: "mottag-vuxen", ageGroup: "31+", deadlines: [] });
    const none = allowed(decide(true, ON_TIME, adult));
    expect(none.referral).toMatchObject({ status: "investigating", deadlines: [] });
    expect(none.referral.target).toBeUndefined();
    const targeted = allowed(
      recordDecision(adult, { openInvestigation: true, reasonSealed: "v1.r" }, "hl-1", ON_TIME, {
        investigationDays: 60,
      }),
    );
    // A target is not a deadline: nothing to sweep, nothing to breach, no event says it.
    expect(targeted.referral.deadlines).toEqual([]);
    expect(targeted.referral.target).toEqual({ type: "investigation", dueAt: "2027-01-23T23:00:00.000Z" });
    expect(JSON.stringify(targeted.events.map((e) => e.data))).not.toContain("2027-01-23");
    // A child's investigation has its statutory four months, and no target beside it.
    expect(
      allowed(
        recordDecision(referral(), { openInvestigation: true, reasonSealed: "v1.r" }, "hl-1", ON_TIME, {
          investigationDays: 60,
        }),
      ).referral.target,
    ).toBeUndefined();
  });

  it("after 14 days is late, and is made once", () => {
    const t = allowed(decide(false, at("2026-12-08T00:00:00+01:00")));
    expect(emitted(t)).toEqual(["deadline.breached", "referral.assessed"]);
    expect(refusal(decide(true, at("2026-12-09T00:00:00+01:00"), t.referral))).toMatchObject({
      code: "already-recorded",
    });
  });
});

describe("the first-offence conversation", () => {
  const police = referral({
    kind: "police",
    firstOffence: true,
    deadlines: [{ type: "first-offence-conversation", dueAt: "2026-11-25T09:00:00.000Z", state: "open" }],
  });

  it("meets the 48 hours, and is recorded once", () => {
    const t = allowed(recordConversation(police, {}, "hl-1", ON_TIME));
    expect(t.referral.deadlines[0]?.state).toBe("met");
    expect(t.referral.firstOffenceConversation).toEqual({ at: "2026-11-24T14:00:00.000Z", by: "hl-1" });
    expect(dataOf(t, "referral.assessed")).toMatchObject({ assessment: "first-offence-conversation" });
    expect(refusal(recordConversation(t.referral, {}, "hl-1", ON_TIME))).toMatchObject({
      code: "already-recorded",
    });
  });

  it("is not applicable where no conversation is due", () => {
    expect(refusal(recordConversation(referral(), {}, "hl-1", ON_TIME))).toMatchObject({
      kind: "conflict",
      code: "not-applicable",
    });
  });
});
