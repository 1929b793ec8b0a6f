/** A deadline's states: met or breached when done, breached when due, what the sweep and `overdue` read. */
import { describe, expect, it } from "vitest";
import {
  breachDue,
  completeDeadlines,
  type Deadline,
  effectiveState,
  markDone,
  nextOpenDueAt,
  pendingDueAt,
} from "../../../services/intake/domain/deadlines/states";
import { at } from "./referral-fixture";

const open: Deadline = { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" };
const later: Deadline = { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" };

describe("a step done", () => {
  it("is met when done before the due time, breached when done at or after it", () => {
    expect(markDone(open, at("2026-11-24T22:59:59Z"))).toEqual({
      ...open,
      state: "met",
      doneAt: "2026-11-24T22:59:59.000Z",
    });
    expect(markDone(open, at("2026-11-24T23:00:00Z")).state).toBe("breached");
    expect(markDone({ ...open, state: "breached" }, at("2026-11-20T00:00:00Z")).state).toBe("breached");
  });

  it("completes only the deadlines picked and not yet done, and reports a late one the sweep had missed", () => {
    const done = { ...later, state: "met" as const, doneAt: "2026-11-30T10:00:00.000Z" };
    const result = completeDeadlines([open, done], () => true, at("2026-11-25T08:00:00Z"));
    expect(result.deadlines).toEqual([
      { ...open, state: "breached", doneAt: "2026-11-25T08:00:00.000Z" },
      done,
    ]);
    expect(result.completed).toEqual([open]);
    expect(result.breached).toEqual([open]);
  });

  it("reports no second breach for a deadline the sweep already marked", () => {
    const marked = { ...open, state: "breached" as const };
    const result = completeDeadlines(
      [marked],
      (d) => d.type === "protection-assessment",
      at("2026-11-26T08:00:00Z"),
    );
    expect(result.deadlines[0]?.doneAt).toBe("2026-11-26T08:00:00.000Z");
    expect(result.breached).toEqual([]);
  });
});

describe("a deadline over time", () => {
  it("reads as breached once due, before the sweep marks it, but stands still on a closed referral", () => {
    expect(effectiveState(open, at("2026-11-24T23:00:00Z"), true)).toBe("breached");
    expect(effectiveState(open, at("2026-11-24T22:00:00Z"), true)).toBe("open");
    expect(effectiveState(open, at("2026-11-25T00:00:00Z"), false)).toBe("open");
    expect(effectiveState({ ...open, state: "met" }, at("2026-12-25T00:00:00Z"), true)).toBe("met");
  });

  it("breaches each due deadline once and schedules the next", () => {
    const first = breachDue([open, later], at("2026-11-25T08:00:00Z"));
    expect(first.breached.map((d) => d.type)).toEqual(["protection-assessment"]);
    expect(breachDue(first.deadlines, at("2026-11-25T09:00:00Z")).breached).toEqual([]);
    expect(nextOpenDueAt(first.deadlines)).toBe(later.dueAt);
    // Breached but not yet done: still what makes the referral overdue.
    expect(pendingDueAt(first.deadlines)).toBe(open.dueAt);
  });

  it("breaches at the due instant, not a millisecond before", () => {
    expect(breachDue([open], at("2026-11-24T22:59:59.999Z")).breached).toEqual([]);
    expect(breachDue([open], at("2026-11-24T23:00:00.000Z")).breached).toHaveLength(1);
  });

  it("leaves nothing to wait for once every step is done", () => {
    const done = [markDone(open, at("2026-11-24T10:00:00Z")), markDone(later, at("2026-11-30T10:00:00Z"))];
    expect(nextOpenDueAt(done)).toBeUndefined();
    expect(pendingDueAt(done)).toBeUndefined();
  });
});
