/**
 * shared/time.ts does its calendar arithmetic with Date.UTC instead of date-fns (the cold-start work):
 * its answers are date-fns' own, as the code had them, for any date and any count, and its Stockholm
 * dates are @date-fns/tz's, also outside the years the Intl-free clock knows.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  startOfStockholmDay,
  stockholmDate,
} from "../../../shared/time";

// What shared/time.ts computed before, verbatim.
const before = {
  addCalendarDays: (y: number, m: number, d: number, days: number) =>
    format(addDays(new Date(Date.UTC(y, m - 1, d, 12)), days), "yyyy-MM-dd"),
  addCalendarMonths: (y: number, m: number, d: number, months: number) =>
    format(addMonths(new Date(y, m - 1, d, 12), months), "yyyy-MM-dd"),
  calendarDaysBetween: (a: [number, number, number], b: [number, number, number]) =>
    differenceInCalendarDays(new Date(b[0], b[1] - 1, b[2], 12), new Date(a[0], a[1] - 1, a[2], 12)),
  stockholmDate: (t: number) => format(new TZDate(t, "Europe/Stockholm"), "yyyy-MM-dd"),
};

const date = fc
  .tuple(
    fc.integer({ min: 1900, max: 2200 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .filter(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d);
const iso = ([y, m, d]: [number, number, number]) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

describe("calendar arithmetic without date-fns", () => {
  it("adds days and months, and counts days between, as date-fns did", () => {
    fc.assert(
      fc.property(
        date,
        date,
        fc.integer({ min: -4000, max: 4000 }),
        fc.integer({ min: -600, max: 600 }),
        (a, b, days, months) => {
          expect(addCalendarDays(iso(a), days)).toBe(before.addCalendarDays(...a, days));
          expect(addCalendarMonths(iso(a), months)).toBe(before.addCalendarMonths(...a, months));
          expect(calendarDaysBetween(iso(a), iso(b))).toBe(before.calendarDaysBetween(a, b));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("clamps to the month's last day, leap years included", () => {
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addCalendarMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addCalendarMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(calendarDaysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });

  it("gives Stockholm's date and day start as @date-fns/tz does, in and outside 1996-2099", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }), (t) => {
        const day = before.stockholmDate(t);
        expect(stockholmDate(new Date(t))).toBe(day);
        const [y, m, d] = day.split("-").map(Number) as [number, number, number];
        expect(startOfStockholmDay(day).getTime()).toBe(
          new TZDate(y, m - 1, d, "Europe/Stockholm").getTime(),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
