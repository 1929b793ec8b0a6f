import { describe, expect, it } from "vitest";
import {
  type ClockState,
  dueStages,
  effectiveDeadlineState,
  hoursBetween,
  minutesLeft,
  nextDue,
  triageDueAt,
} from "../../../services/hotline/domain/triage-clock";
import { pendingSteps } from "../../../services/hotline/domain/triage-state";

const received = "2026-03-28T22:00:00.000Z";
const base: ClockState = {
  status: "ringing",
  receivedAt: received,
  deadline: { dueAt: triageDueAt(new Date(received)).toISOString(), state: "open" },
};

describe("the triage clock", () => {
  it("is due 24 hours after the call, in real hours even across the switch to summer time", () => {
    expect(triageDueAt(new Date(received)).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("first watches a ringing call for lost webhooks", () => {
    expect(nextDue(base)?.toISOString()).toBe("2026-03-28T22:10:00.000Z");
    expect(dueStages(base, new Date("2026-03-28T22:09:59Z"))).toEqual([]);
    expect(dueStages(base, new Date("2026-03-28T22:10:00Z"))).toEqual(["ringing-stale"]);
  });

  it("escalates an unacknowledged callback task after 15 minutes and an answered one after 30", () => {
    const opened = "2026-03-28T22:05:00.000Z";
    const callback: ClockState = { ...base, status: "callback-needed", openedAt: opened };
    const open: ClockState = { ...base, status: "open", openedAt: opened };
    expect(nextDue(callback)?.toISOString()).toBe("2026-03-28T22:20:00.000Z");
    expect(nextDue(open)?.toISOString()).toBe("2026-03-28T22:35:00.000Z");
    // Acknowledged or already escalated: only the 24 hours remain.
    expect(nextDue({ ...open, acknowledged: { at: opened, by: "x" } })?.toISOString()).toBe(
      base.deadline.dueAt,
    );
    expect(nextDue({ ...open, escalated: { at: opened, to: "m" } })?.toISOString()).toBe(base.deadline.dueAt);
  });

  it("names every stage that has come, and nothing once completed or breached", () => {
    const open: ClockState = { ...base, status: "open", openedAt: received };
    expect(dueStages(open, new Date("2026-03-30T00:00:00Z"))).toEqual(["escalate", "breach"]);
    expect(nextDue({ ...open, status: "completed" })).toBeUndefined();
    expect(
      nextDue({
        ...open,
        acknowledged: { at: received, by: "x" },
        deadline: { ...open.deadline, state: "breached" },
      }),
    ).toBeUndefined();
  });

  it("shows a passed deadline as breached before the sweep has marked it", () => {
    const open: ClockState = { ...base, status: "open" };
    expect(effectiveDeadlineState(open, new Date("2026-03-29T21:59:59Z"))).toBe("open");
    expect(effectiveDeadlineState(open, new Date("2026-03-29T22:00:00Z"))).toBe("breached");
    expect(
      effectiveDeadlineState(
        { ...open, status: "completed", deadline: { ...open.deadline, state: "met" } },
        new Date("2026-04-01T00:00:00Z"),
      ),
    ).toBe("met");
    expect(minutesLeft(base.deadline.dueAt, new Date("2026-03-29T20:30:00Z"))).toBe(90);
    expect(minutesLeft(base.deadline.dueAt, new Date("2026-03-29T22:30:00Z"))).toBe(-30);
  });

  it("lists the pending steps and measures hours to complete", () => {
    expect(
      pendingSteps({
        "threat-assessment": { status: "done" },
        "protective-placement": { status: "pending" },
        decision: { status: "not-needed" },
        "financial-assistance": { status: "pending" },
      }),
    ).toEqual(["protective-placement", "financial-assistance"]);
    expect(hoursBetween(received, new Date("2026-03-29T04:30:00Z"))).toBe(6.5);
  });
});
