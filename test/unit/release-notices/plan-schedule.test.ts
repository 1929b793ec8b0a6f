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

describe("the schedule around the daylight-saving switches and month ends", () => {
  it("a release on the spring switch day is due at 00:00 CET, before the clocks go forward", () => {
    // 29 Mar 2026: 02:00 CET becomes 03:00 CEST; the day still begins at 23:00 UTC the day before.
    expect(planDueAt("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(planDueAt("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("a release on the autumn switch day is due at 00:00 CEST", () => {
    expect(planDueAt("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });

  it("counts reminders in calendar days, not in 24-hour steps, across a switch", () => {
    // 60 days before 2 Apr 2026 is 1 Feb, 7 days before is 26 Mar (CET); the release day begins in CEST.
    expect(planSchedule("2026-04-02").map((s) => s.at.toISOString())).toEqual([
      "2026-01-31T23:00:00.000Z", // 1 Feb 00:00 CET
      "2026-03-02T23:00:00.000Z",
      "2026-03-25T23:00:00.000Z",
      "2026-04-01T22:00:00.000Z",
    ]);
  });

  it("counts back across month ends and leap days: 60 days before 1 May 2028 is 2 March", () => {
    expect(planSchedule("2028-05-01")[0]?.at.toISOString()).toBe("2028-03-01T23:00:00.000Z");
    expect(planSchedule("2027-03-01")[2]?.at.toISOString()).toBe("2027-02-21T23:00:00.000Z");
  });

  it("for a release the next day, schedules only the breach", () => {
    expect(nextStage("2026-06-02", [], at("2026-06-01T09:00:00Z"))).toEqual({
      stage: { kind: "breach" },
      at: planDueAt("2026-06-02"),
    });
  });

  it("once every reminder has gone, schedules the breach, and after the breach still the breach", () => {
    expect(nextStage("2026-06-02", [60, 30, 7], at("2026-05-30T09:00:00Z"))?.stage).toEqual({
      kind: "breach",
    });
    expect(dueStage("2026-06-02", [60, 30, 7], at("2026-06-03T09:00:00Z")).due).toEqual({ kind: "breach" });
  });
});
