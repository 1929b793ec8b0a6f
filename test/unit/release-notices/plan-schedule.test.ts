import { describe, expect, it } from "vitest";
import {
  dueStage,
  nextStage,
  planDueAt,
  planSchedule,
} from "../../../services/release-notices/domain/plan-schedule";

const at = (iso: string) => new Date(iso);

describe("the plan deadline's schedule", () => {
  it("is due when the release day begins in Sweden, in summer and in winter time", () => {
    expect(planDueAt("2025-07-01").toISOString()).toBe("2025-06-30T22:00:00.000Z");
    expect(planDueAt("2025-12-01").toISOString()).toBe("2025-11-30T23:00:00.000Z");
  });

  it("reminds 60, 30 and 7 days before, then breaches", () => {
    expect(planSchedule("2025-12-01").map((s) => [s.stage, s.at.toISOString()])).toEqual([
      [{ kind: "reminder", daysBefore: 60 }, "2025-10-01T22:00:00.000Z"],
      [{ kind: "reminder", daysBefore: 30 }, "2025-10-31T23:00:00.000Z"],
      [{ kind: "reminder", daysBefore: 7 }, "2025-11-23T23:00:00.000Z"],
      [{ kind: "breach" }, "2025-11-30T23:00:00.000Z"],
    ]);
  });

  it("skips reminders that have passed when the notice arrives late, but never the breach", () => {
    expect(nextStage("2025-12-01", [], at("2025-11-10T12:00:00Z"))?.stage).toEqual({
      kind: "reminder",
      daysBefore: 7,
    });
    expect(nextStage("2025-12-01", [], at("2025-11-28T12:00:00Z"))?.stage).toEqual({ kind: "breach" });
    expect(nextStage("2025-12-01", [7], at("2025-12-05T12:00:00Z"))?.stage).toEqual({ kind: "breach" });
  });

  it("sends the latest reminder reached once, not the ones missed before it", () => {
    const now = at("2025-11-25T08:00:00Z");
    expect(dueStage("2025-12-01", [], now)).toEqual({
      due: { kind: "reminder", daysBefore: 7 },
      next: { stage: { kind: "breach" }, at: planDueAt("2025-12-01") },
    });
    expect(dueStage("2025-12-01", [7], now).due).toBeUndefined();
  });

  it("breaches at the start of the release day and not a moment before", () => {
    expect(dueStage("2025-12-01", [60, 30, 7], at("2025-11-30T22:59:59.999Z")).due).toBeUndefined();
    expect(dueStage("2025-12-01", [60, 30, 7], at("2025-11-30T23:00:00.000Z")).due).toEqual({
      kind: "breach",
    });
  });
});
