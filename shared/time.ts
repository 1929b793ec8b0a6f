// Without Intl where it can: see there why. Outside the years that clock covers, Intl's tz data
// (Sweden kept no summer time from 1950 to 1979, which the EU rule does not know).
import { stockholmIsoDate, stockholmStartOfDay } from "./stockholm-clock";
import { zonedOffsetMs } from "./zoned-clock";

/** Days and months in Swedish law and agreements are counted in Swedish local dates. */
export const TIME_ZONE = "Europe/Stockholm";

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const parts = (date: IsoDate): [number, number, number] => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error("not an ISO date");
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

/** The date an instant falls on in Sweden. */
export const stockholmDate = (instant: Date): IsoDate => {
  const ms = instant.getTime();
  return stockholmIsoDate(ms) ?? new Date(ms + zonedOffsetMs(ms, TIME_ZONE)).toISOString().slice(0, 10);
};

/** Midnight is never inside a switch in the years Intl answers for here, as in the rule's years. */
const intlStartOfDay = (utcMidnightMs: number): number =>
  utcMidnightMs - zonedOffsetMs(utcMidnightMs - zonedOffsetMs(utcMidnightMs, TIME_ZONE), TIME_ZONE);

/**
 * Time-zone lookups are the costliest step of a request's date work, and a process sees few
 * distinct days: remember each day's start (bounded, so a long-lived process cannot grow it).
 */
const dayStarts = new Map<IsoDate, number>();

/** The instant a Swedish calendar day begins (00:00 local, whether CET or CEST). */
export const startOfStockholmDay = (date: IsoDate): Date => {
  const cached = dayStarts.get(date);
  if (cached !== undefined) return new Date(cached);
  const [y, m, d] = parts(date);
  const utcMidnight = Date.UTC(y, m - 1, d);
  const start = stockholmStartOfDay(utcMidnight) ?? intlStartOfDay(utcMidnight);
  if (dayStarts.size >= 10_000) dayStarts.clear();
  dayStarts.set(date, start);
  return new Date(start);
};

/*
 * Calendar arithmetic on dates alone, in UTC, where no day is shorter than another, so no time zone
 * can shift the answer. Plain Date.UTC rather than date-fns: its first calls cost a cold start more
 * than these lines, and it was 20 KiB of every bundle (npm run bench -- cold). The answers are
 * date-fns' own (test/unit/runtime/calendar.test.ts compares them).
 */
const DAY_MS = 86_400_000;
const isoDateOfUtc = (date: Date): IsoDate => date.toISOString().slice(0, 10);

export const addCalendarDays = (date: IsoDate, days: number): IsoDate => {
  const [y, m, d] = parts(date);
  return isoDateOfUtc(new Date(Date.UTC(y, m - 1, d + Math.trunc(days))));
};

/** Calendar months; the 31st minus a month is the last day of the shorter month (clamped, as date-fns did). */
export const addCalendarMonths = (date: IsoDate, months: number): IsoDate => {
  const [y, m, d] = parts(date);
  const whole = Math.trunc(months);
  const lastDay = new Date(Date.UTC(y, m - 1 + whole + 1, 0)).getUTCDate();
  return isoDateOfUtc(new Date(Date.UTC(y, m - 1 + whole, Math.min(d, lastDay))));
};

export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
};

export const isValidIsoDate = (date: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};
