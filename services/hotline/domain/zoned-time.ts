/**
 * Wall-clock time in a schedule's IANA time zone with Node's own Intl, no time-zone library: a
 * caller's webhook loads less (date-fns and @date-fns/tz were 24 KiB of every hotline bundle).
 */
import { STOCKHOLM, stockholmWallClock } from "../../../shared/runtime/stockholm-clock";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A formatter per zone: building one costs far more than using it, and a process sees few zones. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    if (formatters.size >= 100) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's wall clock at an instant, as if it were UTC (milliseconds), and its calendar date. */
const wallClock = (epochMs: number, timeZone: string) => {
  // Stockholm's clock without Intl, whose first use costs a cold start more than the rest of it.
  const stockholm = timeZone === STOCKHOLM ? stockholmWallClock(epochMs) : undefined;
  if (stockholm) return stockholm;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { asUtcMs: Date.UTC(year, month - 1, day, hour, minute, second), year, month, day };
};

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (whole seconds). */
const offsetAt = (epochMs: number, timeZone: string): number =>
  wallClock(epochMs, timeZone).asUtcMs - Math.floor(epochMs / 1000) * 1000;

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
