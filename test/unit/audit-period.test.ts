/** The audit routes' period: Swedish days or instants, as the instants the key condition uses. */
import { describe, expect, it } from "vitest";
import { auditFilterOf, auditFilterQueryFields, auditPeriod, periodInOrder } from "../../shared/audit-read";

describe("the period asked for", () => {
  it("takes a date as the whole Swedish day, in winter and in summer time", () => {
    expect(auditPeriod("2026-01-15", "2026-01-15")).toEqual({
      from: new Date("2026-01-14T23:00:00Z"),
      before: new Date("2026-01-15T23:00:00Z"),
    });
    // The night the clocks go forward: the 29th of March has 23 hours.
    expect(auditPeriod("2026-03-29", "2026-03-29")).toEqual({
      from: new Date("2026-03-28T23:00:00Z"),
      before: new Date("2026-03-29T22:00:00Z"),
    });
    expect(auditPeriod(undefined, "2026-07-01")).toEqual({ before: new Date("2026-07-01T22:00:00Z") });
  });

  it("takes an instant as it is, its end included", () => {
    expect(auditPeriod("2026-11-25T14:00:00+01:00", "2026-11-25T14:00:00+01:00")).toEqual({
      from: new Date("2026-11-25T13:00:00.000Z"),
      before: new Date("2026-11-25T13:00:00.001Z"),
    });
  });

  it("is in order when `to` does not end it before `from` begins it", () => {
    expect(periodInOrder({ from: "2026-11-25", to: "2026-11-25" })).toBe(true);
    expect(periodInOrder({ from: "2026-11-25", to: "2026-11-24" })).toBe(false);
    expect(periodInOrder({ from: "2026-11-25", to: "2026-11-24T23:00:00Z" })).toBe(true);
    expect(periodInOrder({ from: "2026-11-25", to: "2026-11-24T22:59:59Z" })).toBe(false);
    expect(periodInOrder({ to: "2026-11-24" })).toBe(true);
  });

  it("leaves out what was not asked for", () => {
    expect(auditFilterOf({})).toEqual({});
    expect(auditFilterOf({ actor: "cw-1001" })).toEqual({ actor: "cw-1001" });
  });

  it("refuses what is not a date or an instant with its offset, and the last year a sort key can hold", () => {
    const bound = auditFilterQueryFields.from;
    for (const good of ["2026-11-25", "2026-11-25T14:00:00+01:00", "2026-11-25T13:00:00.123Z"])
      expect(bound.safeParse(good).success, good).toBe(true);
    for (const bad of [
      "2026-02-30",
      "25/11/2026",
      "2026-11-25T14:00:00",
      "9999-12-31",
      "9999-12-31T00:00:00Z",
    ])
      expect(bound.safeParse(bad).success, bad).toBe(false);
  });
});
