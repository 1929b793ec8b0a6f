import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format } from "date-fns";
// Without Intl where it can: see there why.
import { stockholmIsoDate, stockholmStartOfDay } from "./runtime/stockholm-clock";

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
export const stockholmDate = (instant: Date): IsoDate =>
  stockholmIsoDate(instant.getTime()) ?? format(new TZDate(instant.getTime(), TIME_ZONE), "yyyy-MM-dd");

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
  const start = stockholmStartOfDay(Date.UTC(y, m - 1, d)) ?? new TZDate(y, m - 1, d, TIME_ZONE).getTime();
  if (dayStarts.size >= 10_000) dayStarts.clear();
  dayStarts.set(date, start);
  return new Date(start);
};

/** Calendar arithmetic on dates alone; no time zone can shift the answer. */
export const addCalendarDays = (date: IsoDate, days: number): IsoDate => {
  const [y, m, d] = parts(date);
  return format(addDays(new Date(Date.UTC(y, m - 1, d, 12)), days), "yyyy-MM-dd");
};

/** Calendar months; the 31st minus a month is the last day of the shorter month (date-fns clamps). */
export const addCalendarMonths = (date: IsoDate, months: number): IsoDate => {
  const [y, m, d] = parts(date);
  return format(addMonths(new Date(y, m - 1, d, 12), months), "yyyy-MM-dd");
};

export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return differenceInCalendarDays(new Date(y2, m2 - 1, d2, 12), new Date(y1, m1 - 1, d1, 12));
};

export const isValidIsoDate = (date: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};
