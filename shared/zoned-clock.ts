/**
 * Wall-clock time in any IANA time zone with Node's own Intl, no time-zone library. Stockholm's
 * clock is read without Intl in the years the EU rule covers (stockholm-clock.ts: Intl's first use
 * costs a cold start more than the rest of it); other zones and years ask Intl, once per zone.
 */
import { STOCKHOLM, stockholmWallClock } from "./stockholm-clock";

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

/** The zone's wall clock at an instant, as if it were UTC (milliseconds, whole seconds), and its date. */
export const zonedWallClock = (
  epochMs: number,
  timeZone: string,
): { asUtcMs: number; year: number; month: number; day: number } => {
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
export const zonedOffsetMs = (epochMs: number, timeZone: string): number =>
  zonedWallClock(epochMs, timeZone).asUtcMs - Math.floor(epochMs / 1000) * 1000;
