import { describe, expect, it } from "vitest";
import { leadTime } from "../../../services/release-notices/domain/lead-time";

const at = (iso: string) => new Date(iso);

describe("the lead a municipality agreed with Kriminalvården", () => {
  it("four months: a notice three and a half months ahead is late, four months ahead on time", () => {
    expect(leadTime(at("2026-01-15T10:00:00+01:00"), "2026-04-30", 4).onTime).toBe(false);
    expect(leadTime(at("2026-01-15T10:00:00+01:00"), "2026-04-30", 3).onTime).toBe(true);
    expect(leadTime(at("2026-01-15T10:00:00+01:00"), "2026-05-15", 4).onTime).toBe(true);
    expect(leadTime(at("2026-01-16T10:00:00+01:00"), "2026-05-15", 4).onTime).toBe(false);
  });

  it("counts calendar months at a month's end, as the default does", () => {
    // 30 June less four months is 28 February (2026 is no leap year).
    expect(leadTime(at("2026-02-28T12:00:00+01:00"), "2026-06-30", 4).onTime).toBe(true);
    expect(leadTime(at("2026-03-01T12:00:00+01:00"), "2026-06-30", 4).onTime).toBe(false);
  });
});
