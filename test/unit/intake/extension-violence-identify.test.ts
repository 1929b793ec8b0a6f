/**
 * Three decisions staff take on a referral: a lawful extension of a deadline, marking suspected
 * violence by someone close, and identifying a person the report could not name by number.
 */
import { describe, expect, it } from "vitest";
import { breachDue, effectiveState, nextOpenDueAt } from "../../../services/intake/domain/deadlines/states";
import { extendDeadline } from "../../../services/intake/domain/extension";
import { identifyReferral } from "../../../services/intake/domain/identification";
import type { Referral } from "../../../services/intake/domain/referral";
import { targetState } from "../../../services/intake/domain/targets";
import { markViolenceConcern } from "../../../services/intake/domain/violence";
import { allowed, at, dataOf, emitted, referral, refusal } from "./referral-fixture";

const NOW = at("2026-11-30T10:00:00+01:00");

describe("extending a deadline", () => {
  const extend = (type: "pre-assessment" | "investigation", until: string, current = referral(), now = NOW) =>
    extendDeadline(current, { type, until, reasonSealed: "v1.reason" }, "hl-1", now);

  it("moves the förhandsbedömning to the end of `until`: `extended`, audited, one deadline.extended", () => {
    const t = allowed(extend("pre-assessment", "2026-12-14"));
    const pre = t.referral.deadlines.find((d) => d.type === "pre-assessment");
    expect(pre).toMatchObject({ state: "extended", dueAt: "2026-12-14T23:00:00.000Z" });
    expect(pre?.extensions).toEqual([
      {
        at: "2026-11-30T09:00:00.000Z",
        by: "hl-1",
        previousDueAt: "2026-12-07T23:00:00.000Z",
        dueAt: "2026-12-14T23:00:00.000Z",
        reasonSealed: "v1.reason",
      },
    ]);
    expect(emitted(t)).toEqual(["deadline.extended"]);
    expect(dataOf(t, "deadline.extended")).toEqual({
      service: "intake",
      subject: { type: "referral", id: t.referral.id },
      deadline: "pre-assessment",
      previousDueAt: "2026-12-07T23:00:00.000Z",
      dueAt: "2026-12-14T23:00:00.000Z",
      extendedAt: "2026-11-30T09:00:00.000Z",
    });
    expect(JSON.stringify(t.events)).not.toContain("v1.reason");
    expect(t.audit[0]?.action).toBe("extend:pre-assessment");
    expect(t.expectedVersion).toBe(3);
  });

  it("is not a breach, and a breach then counts against the new due time", () => {
    const extended = allowed(extend("pre-assessment", "2026-12-14")).referral.deadlines;
    const pre = extended.find((d) => d.type === "pre-assessment");
    if (!pre) throw new Error("no pre-assessment");
    expect(effectiveState(pre, at("2026-12-10T12:00:00Z"), true)).toBe("extended");
    expect(breachDue(extended, at("2026-12-10T12:00:00Z")).breached.map((d) => d.type)).toEqual([
      "protection-assessment",
    ]);
    expect(effectiveState(pre, at("2026-12-14T23:00:00Z"), true)).toBe("breached");
    expect(breachDue(extended, at("2026-12-14T23:00:00Z")).breached.map((d) => d.type)).toContain(
      "pre-assessment",
    );
    expect(nextOpenDueAt([pre])).toBe("2026-12-14T23:00:00.000Z");
  });

  it("may be extended again, later still", () => {
    const once = allowed(extend("pre-assessment", "2026-12-14")).referral;
    const twice = allowed(
      extend("pre-assessment", "2026-12-21", once, at("2026-12-10T10:00:00+01:00")),
    ).referral;
    expect(twice.deadlines.find((d) => d.type === "pre-assessment")?.extensions?.map((e) => e.dueAt)).toEqual(
      ["2026-12-14T23:00:00.000Z", "2026-12-21T23:00:00.000Z"],
    );
  });

  it("refuses what the law does not allow: after the deadline passed, not later, done, or none due", () => {
    expect(
      refusal(extend("pre-assessment", "2026-12-20", referral(), at("2026-12-08T00:00:00+01:00"))),
    ).toEqual({
      kind: "conflict",
      code: "already-breached",
      fields: undefined,
    });
    expect(refusal(extend("pre-assessment", "2026-12-07"))).toEqual({
      kind: "unprocessable",
      code: "not-later",
      fields: ["until"],
    });
    expect(refusal(extend("investigation", "2027-06-01")).code).toBe("not-applicable");
    const done = referral({
      deadlines: [
        {
          type: "pre-assessment",
          dueAt: "2026-12-07T23:00:00.000Z",
          state: "met",
          doneAt: "2026-11-28T10:00:00.000Z",
        },
      ],
    });
    expect(refusal(extend("pre-assessment", "2026-12-20", done)).code).toBe("already-recorded");
    expect(refusal(extend("pre-assessment", "2026-12-20", referral({ status: "closed" }))).code).toBe(
      "not-active",
    );
  });
});

describe("suspected violence by someone close", () => {
  const mark = (suspected: boolean, current: Referral = referral(), now = NOW) =>
    markViolenceConcern(current, suspected, "hl-1", now);

  it("brings a protection assessment still to do forward to the end of today, and clearing gives the rules' time back", () => {
    const received = at("2026-11-23T10:00:00+01:00");
    const marked = allowed(mark(true, referral(), received));
    expect(marked?.referral.closeRelativeViolence).toEqual({ at: "2026-11-23T09:00:00.000Z", by: "hl-1" });
    expect(marked?.referral.deadlines[0]).toMatchObject({
      type: "protection-assessment",
      dueAt: "2026-11-23T23:00:00.000Z",
    });
    expect(marked?.audit[0]?.action).toBe("violence-concern:marked");
    const cleared = allowed(mark(false, marked?.referral, received));
    expect(cleared?.referral.closeRelativeViolence).toBeUndefined();
    expect(cleared?.referral.deadlines[0]?.dueAt).toBe("2026-11-24T23:00:00.000Z");
    // Marked the next day, it keeps the sooner due time it had.
    const nextDay = allowed(mark(true, referral(), at("2026-11-24T09:00:00+01:00")));
    expect(nextDay?.referral.deadlines[0]?.dueAt).toBe("2026-11-24T23:00:00.000Z");
  });

  it("changes nothing when the mark is already so, and nothing on a closed referral", () => {
    expect(allowed(mark(false))).toBeUndefined();
    expect(refusal(mark(true, referral({ status: "closed" }))).code).toBe("not-active");
  });
});

describe("identifying a person", () => {
  const person = { subjectRef: "b".repeat(64), subjectSealed: "v1.kid.iv.number" };
  const unknown = referral({ identity: "unknown", subjectSealed: undefined, unidentifiedSealed: "v1.n" });

  it("gives the referral the number and its hash, and makes it the person's open case", () => {
    const t = allowed(identifyReferral(unknown, person, {}, "hl-1", NOW));
    expect(t.referral).toMatchObject(person);
    expect(t.referral.identity).toBeUndefined();
    expect(t.openCase).toEqual({ kind: "claim" });
    expect(t.audit[0]?.action).toBe("identify");
    expect(refusal(identifyReferral(t.referral, person, {}, "hl-1", NOW)).code).toBe("already-identified");
  });

  it("links it to the person's open referral, adding it to an investigation under way", () => {
    const open = referral({ id: "01KOPENCASE000000000000009", status: "investigating", assignee: "cw-2" });
    const t = allowed(
      identifyReferral(
        { ...unknown, assignee: "cw-1" },
        person,
        { namedReferralId: open.id, referral: open },
        "hl-1",
        NOW,
      ),
    );
    expect(t.referral).toMatchObject({
      linkedReferralId: open.id,
      joinedInvestigation: true,
      assignee: "cw-2",
    });
    expect(t.referral.deadlines.map((d) => d.type)).toEqual(["protection-assessment"]);
    expect(t.caseload).toEqual([{ caseworkerId: "cw-1", delta: -1 }]);
    expect(t.linkRow).toMatchObject({ openReferralId: open.id, referralId: unknown.id });
    expect(t.openCase).toBeUndefined();
  });
});

describe("a municipality's own target", () => {
  it("is open, reached or passed, never breached", () => {
    const target = { type: "investigation" as const, dueAt: "2027-01-23T23:00:00.000Z" };
    expect(targetState(target, undefined, at("2027-01-20T12:00:00Z"))).toBe("open");
    expect(targetState(target, undefined, at("2027-01-24T12:00:00Z"))).toBe("passed");
    expect(targetState(target, "2027-01-10T12:00:00.000Z", at("2027-02-01T12:00:00Z"))).toBe("reached");
  });
});
