import { describe, expect, it } from "vitest";
import { isReleaseDateInPast, leadTime } from "../../../services/release-notices/domain/lead-time";

const at = (iso: string) => new Date(iso);

describe("lead time against the three-month agreement", () => {
  it("counts calendar days between the Swedish dates of notice and release", () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Stockholm.
    expect(leadTime(at("2025-01-31T23:30:00Z"), "2025-05-01")).toEqual({ leadDays: 89, onTime: true });
    expect(leadTime(at("2025-01-31T22:30:00Z"), "2025-05-01").leadDays).toBe(90);
  });

  it("is on time exactly three calendar months before, and late a day after", () => {
    expect(leadTime(at("2025-03-15T10:00:00+01:00"), "2025-06-15").onTime).toBe(true);
    expect(leadTime(at("2025-03-16T10:00:00+01:00"), "2025-06-15").onTime).toBe(false);
  });

  it("clamps to the end of a shorter month: a 31 May release needs notice by 28 Feb (29 in a leap year)", () => {
    expect(leadTime(at("2025-02-28T12:00:00+01:00"), "2025-05-31").onTime).toBe(true);
    expect(leadTime(at("2025-03-01T00:30:00+01:00"), "2025-05-31").onTime).toBe(false);
    expect(leadTime(at("2024-02-29T12:00:00+01:00"), "2024-05-31").onTime).toBe(true);
  });

  it("uses the Swedish date at midnight across the daylight-saving switch", () => {
    // 30 Mar 2025 00:30 CET = 29 Mar 23:30 UTC.
    expect(leadTime(at("2025-03-29T23:30:00Z"), "2025-06-30")).toEqual({ leadDays: 92, onTime: true });
  });
});

describe("a release date that has passed", () => {
  it("is one before today in Sweden: yesterday has passed, today has not", () => {
    // 23:30 UTC on 14 Jan is already 15 Jan in Stockholm.
    expect(isReleaseDateInPast("2026-01-14", at("2026-01-14T23:30:00Z"))).toBe(true);
    expect(isReleaseDateInPast("2026-01-15", at("2026-01-14T23:30:00Z"))).toBe(false);
    expect(isReleaseDateInPast("2026-01-14", at("2026-01-14T22:59:59Z"))).toBe(false);
  });

  it("follows summer time: 22:00 UTC is already the next day in July", () => {
    expect(isReleaseDateInPast("2026-07-01", at("2026-07-01T22:00:00Z"))).toBe(true);
    expect(isReleaseDateInPast("2026-07-01", at("2026-07-01T21:59:59Z"))).toBe(false);
  });
});

describe("lead time at month ends", () => {
  it("a 30 April release needs notice by 30 January; 31 January is late", () => {
    expect(leadTime(at("2026-01-30T12:00:00+01:00"), "2026-04-30").onTime).toBe(true);
    expect(leadTime(at("2026-01-31T12:00:00+01:00"), "2026-04-30").onTime).toBe(false);
  });

  it("a 31 March release needs notice by 31 December of the year before", () => {
    expect(leadTime(at("2025-12-31T23:59:00+01:00"), "2026-03-31")).toEqual({ leadDays: 90, onTime: true });
    expect(leadTime(at("2026-01-01T00:00:00+01:00"), "2026-03-31").onTime).toBe(false);
  });

  it("counts a release on the day of notice as 0 days, never on time", () => {
    expect(leadTime(at("2026-06-01T08:00:00+02:00"), "2026-06-01")).toEqual({ leadDays: 0, onTime: false });
  });

  it("counts across the autumn daylight-saving switch in whole days", () => {
    // 25 Oct 2026 is 25 hours long in Stockholm; still one calendar day.
    expect(leadTime(at("2026-10-24T12:00:00+02:00"), "2026-10-26").leadDays).toBe(2);
  });
});
