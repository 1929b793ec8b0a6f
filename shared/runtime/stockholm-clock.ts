/**
 * Europe/Stockholm's offset from UTC without Intl. The first `Intl.DateTimeFormat` a process builds
 * loads ICU's locale and zone data: 20-100 ms on this machine (npm run bench -- cold), longer than
 * a whole floor function takes to load, and a caller on the avhoppartelefon waits through it. Sweden
 * keeps the EU's summer time (Commission Directive 2000/84/EC; the same dates since 1996): CEST
 * (+02:00) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October,
 * CET (+01:00) otherwise. Outside 1996-2099 the callers fall back to Intl's tz data, and should
 * the EU end the clock change, this rule must go with it (test/unit/runtime/stockholm-clock.test.ts
 * compares it with Intl). Belongs beside shared/time.ts; kept here by the cold-start work's remit.
 */

export const STOCKHOLM = "Europe/Stockholm";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FIRST_YEAR = 1996;
const LAST_YEAR = 2099;

/** 01:00 UTC on the last Sunday of a month (0-based), when the EU's clocks change. */
const lastSundayOneUtc = (year: number, month: number): number => {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + HOUR_MS;
};

const summers = new Map<number, readonly [number, number]>();
const summerOf = (year: number): readonly [number, number] => {
  let summer = summers.get(year);
  if (!summer) {
    summer = [lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
    summers.set(year, summer);
  }
  return summer;
};

/** Stockholm's offset from UTC at an instant, in ms; undefined outside the years the rule covers. */
export const stockholmOffsetMs = (epochMs: number): number | undefined => {
  const year = new Date(epochMs).getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) return undefined;
  const [start, end] = summerOf(year);
  return epochMs >= start && epochMs < end ? 2 * HOUR_MS : HOUR_MS;
};

/**
 * Stockholm's wall clock at an instant as if it were UTC (ms, whole seconds as Intl gives them),
 * and its calendar fields; undefined outside the rule's years.
 */
export const stockholmWallClock = (
  epochMs: number,
): { asUtcMs: number; year: number; month: number; day: number } | undefined => {
  const offset = stockholmOffsetMs(epochMs);
  if (offset === undefined) return undefined;
  const wall = new Date(Math.floor((epochMs + offset) / 1000) * 1000);
  return {
    asUtcMs: wall.getTime(),
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
  };
};

/** The calendar date (`YYYY-MM-DD`) an instant falls on in Stockholm; undefined outside the rule's years. */
export const stockholmIsoDate = (epochMs: number): string | undefined => {
  const offset = stockholmOffsetMs(epochMs);
  return offset === undefined ? undefined : new Date(epochMs + offset).toISOString().slice(0, 10);
};

/**
 * The instant a Stockholm calendar day (`Date.UTC` of its date) begins; undefined outside the
 * rule's years. Midnight is never inside a switch (they happen at 02:00 and 03:00 local), so the
 * offset an hour before UTC midnight (local 23:00 or 00:00 of the day before) is the day's start's.
 */
export const stockholmStartOfDay = (utcMidnightMs: number): number | undefined => {
  const offset = stockholmOffsetMs(utcMidnightMs - HOUR_MS);
  return offset === undefined ? undefined : utcMidnightMs - offset;
};
