/**
 * Wall-clock time in a schedule's IANA time zone (shared/zoned-clock.ts), no time-zone library: a
 * caller's webhook loads less (date-fns and @date-fns/tz were 24 KiB of every hotline bundle).
 */
import { zonedOffsetMs as offsetAt, zonedWallClock as wallClock } from "../../../shared/zoned-clock";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar date (`YYYY-MM-DD`) an instant falls on in the zone. */
export const localDate = (instant: Date, timeZone: string): string => {
  const { year, month, day } = wallClock(instant.getTime(), timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
};

/**
 * The instant a wall-clock time happens in the zone. A time the zone skips (inside the
 * spring-forward hour) moves on by the time skipped (02:30 becomes 03:30); a time that happens
 * twice (the autumn hour that repeats) is the second.
 */
export const zonedInstant = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date => {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets a day either side: at most one switch lies between them.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (valid.length > 0) return new Date(Math.max(...valid));
  // Skipped: read with the offset from before the switch, which lands as far past it as asked.
  return new Date(wall - before);
};
