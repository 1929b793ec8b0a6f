import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { localDate, zonedInstant } from "../../../services/hotline/domain/zoned-time";

/**
 * The Intl-based zone arithmetic the rotation uses must give what @date-fns/tz gave before it
 * (the rotation's rules were written and tested against that), in zones with whole-hour,
 * half-hour and no daylight saving, across each switch of the year.
 */
const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "America/Sao_Paulo",
  "UTC",
];
const HALF_HOUR = 30 * 60_000;
const from = Date.UTC(2026, 0, 1);
const to = Date.UTC(2027, 0, 1);

describe("zoned time", () => {
  it("finds the local date of every half hour of a year as date-fns did", () => {
    for (const zone of ZONES) {
      for (let t = from; t < to; t += HALF_HOUR * 23) {
        expect(localDate(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toBe(
          format(new TZDate(t, zone), "yyyy-MM-dd"),
        );
      }
    }
  });

  it("places every wall-clock half hour of the switch days as date-fns did; a repeated one always the second", () => {
    for (const zone of ZONES) {
      for (let day = from; day < to; day += 86_400_000) {
        const d = new Date(day);
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const noon = new TZDate(y, m - 1, dd, 12, 0, zone);
        const midnightBefore = new TZDate(y, m - 1, dd, 0, 0, zone);
        // Only days whose offset changes, and a sample of the others.
        if (noon.getTimezoneOffset() === midnightBefore.getTimezoneOffset() && dd !== 15) continue;
        for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
          const [hh, mm] = [Math.floor(minutes / 60), minutes % 60];
          const ours = zonedInstant(y, m, dd, hh, mm, zone).getTime();
          const theirs = new TZDate(y, m - 1, dd, hh, mm, zone).getTime();
          const what = `${zone} ${y}-${m}-${dd} ${hh}:${mm}`;
          if (ours === theirs) continue;
          // West of Greenwich date-fns takes the first of a repeated time; the rule is the second.
          const wall = (t: number) => format(new TZDate(t, zone), "yyyy-MM-dd HH:mm");
          expect(wall(ours), what).toBe(wall(theirs));
          expect(ours, what).toBeGreaterThan(theirs);
        }
      }
    }
  });
});
