/**
 * Stockholm's clock without Intl (shared/runtime/stockholm-clock.ts) agrees with Intl's tz data at
 * every instant it answers for, around every switch, and leaves the years it does not know to Intl.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  stockholmIsoDate,
  stockholmOffsetMs,
  stockholmStartOfDay,
  stockholmWallClock,
} from "../../../shared/runtime/stockholm-clock";

const intl = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});
const intlWall = (epochMs: number) => {
  const p: Record<string, number> = {};
  for (const part of intl.formatToParts(epochMs))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = p;
  return { asUtcMs: Date.UTC(year, month - 1, day, hour, minute, second), year, month, day };
};
const iso = (w: { year: number; month: number; day: number }) =>
  `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;

const from = Date.UTC(1996, 0, 1);
const to = Date.UTC(2100, 0, 1) - 1;

describe("Stockholm's clock without Intl", () => {
  it("gives Intl's wall clock, date and offset at any instant of 1996-2099", () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (t) => {
        const theirs = intlWall(t);
        expect(stockholmWallClock(t)).toEqual(theirs);
        expect(stockholmIsoDate(t)).toBe(iso(theirs));
        expect(stockholmOffsetMs(t)).toBe(theirs.asUtcMs - Math.floor(t / 1000) * 1000);
      }),
      { numRuns: 3000 },
    );
  });

  it("switches when Intl does: the second before and at each switch, 2026 and 2099", () => {
    for (const year of [2026, 2099]) {
      for (const month of [2, 9]) {
        for (let day = 24; day <= 31; day++) {
          const oneUtc = Date.UTC(year, month, day, 1);
          for (const t of [oneUtc - 1000, oneUtc, oneUtc + 1000]) {
            expect(stockholmWallClock(t)).toEqual(intlWall(t));
          }
        }
      }
    }
    // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
    expect(stockholmOffsetMs(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(3_600_000);
    expect(stockholmOffsetMs(Date.UTC(2026, 2, 29, 1))).toBe(7_200_000);
    expect(stockholmOffsetMs(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(7_200_000);
    expect(stockholmOffsetMs(Date.UTC(2026, 9, 25, 1))).toBe(3_600_000);
  });

  it("starts each day at Stockholm's midnight, switch days included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1996, 0, 2) / 86_400_000, max: Math.floor(to / 86_400_000) }),
        (days) => {
          const midnight = days * 86_400_000;
          const start = stockholmStartOfDay(midnight);
          if (start === undefined) throw new Error("no start");
          const wall = intlWall(start);
          expect(wall.asUtcMs).toBe(midnight);
          expect(intlWall(start - 1000).asUtcMs).toBe(midnight - 1000);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("answers nothing outside 1996-2099, so callers ask Intl", () => {
    expect(stockholmOffsetMs(from - 1)).toBeUndefined();
    expect(stockholmOffsetMs(to + 1)).toBeUndefined();
    expect(stockholmIsoDate(Date.UTC(1980, 5, 1))).toBeUndefined();
    expect(stockholmStartOfDay(from)).toBeUndefined();
  });
});
