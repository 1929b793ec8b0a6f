/**
 * Wall-clock times in a schedule's own time zone (an IANA name), for the schedule's form: a
 * `datetime-local` field holds a time without a zone, and the API wants an instant.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  return format;
};

/** The API's own test of a zone name: one that Intl knows. */
export const isTimeZone = (zone: string): boolean => {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const wallParts = (instantMs: number, timeZone: string) => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
};

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
const offsetAt = (instantMs: number, timeZone: string): number => {
  const p = wallParts(instantMs, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
};

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:MM`) in a zone, or undefined when it is not one.
 * As the hotline places handoffs: a time the spring switch skips moves on by the hour skipped
 * (02:30 becomes 03:30), and one the autumn switch repeats is the second of the two.
 */
export const wallToInstant = (wall: string, timeZone: string): Date | undefined => {
  const m = WALL.exec(wall);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock time (`YYYY-MM-DDTHH:MM`) of an instant in a zone, as a `datetime-local` field shows it. */
export const instantToWall = (iso: string, timeZone: string): string => {
  const p = wallParts(Date.parse(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
};

/** Today's date (`YYYY-MM-DD`) in a zone. */
export const todayIn = (now: Date, timeZone: string): string =>
  instantToWall(now.toISOString(), timeZone).slice(0, 10);
