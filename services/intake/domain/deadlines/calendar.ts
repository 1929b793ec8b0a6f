/**
 * The Swedish calendar a statutory time limit is counted on: the public holidays of lagen
 * (1989:253) om allmänna helgdagar, and the days on which lagen (1930:173) om beräkning av
 * lagstadgad tid 2 § lets an action due that day be taken on the next weekday instead. Computed
 * for any year from the rules themselves, never from a list per year. Pure; no time zone (dates
 * only).
 */
import { addCalendarDays, type IsoDate } from "../../../../shared/time";

const iso = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

const parts = (date: IsoDate): [number, number, number] => {
  const [y, m, d] = date.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error("not an ISO date");
  return [y, m, d];
};

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: IsoDate): number => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus): the
 * Sunday after the ecclesiastical full moon on or after 21 March, which is what 1989:253 2 §
 * ("söndagen närmast efter den fullmåne som infaller på eller närmast efter den 21 mars") is
 * reckoned by in practice.
 */
export const easterSunday = (year: number): IsoDate => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
};

/** The day of the week `dow` that falls within [from, from + 6]. */
const weekdayInWeekFrom = (from: IsoDate, dow: number): IsoDate =>
  addCalendarDays(from, (dow - weekday(from) + 7) % 7);

/** Nationaldagen replaced annandag pingst as a public holiday from 1 April 2005 (SFS 2004:1320). */
const NATIONAL_DAY_FROM_YEAR = 2005;

/**
 * The public holidays other than ordinary Sundays (1989:253 1–2 §§), by date. Påskdagen and
 * pingstdagen are Sundays and listed for completeness.
 */
export const publicHolidays = (year: number): ReadonlyMap<IsoDate, string> => {
  const easter = easterSunday(year);
  const pentecost = addCalendarDays(easter, 49);
  const holidays: [IsoDate, string][] = [
    [iso(year, 1, 1), "nyårsdagen"],
    [iso(year, 1, 6), "trettondedag jul"],
    [addCalendarDays(easter, -2), "långfredagen"],
    [easter, "påskdagen"],
    [addCalendarDays(easter, 1), "annandag påsk"],
    [iso(year, 5, 1), "första maj"],
    [addCalendarDays(easter, 39), "Kristi himmelsfärdsdag"],
    [pentecost, "pingstdagen"],
    year >= NATIONAL_DAY_FROM_YEAR
      ? [iso(year, 6, 6), "nationaldagen"]
      : [addCalendarDays(pentecost, 1), "annandag pingst"],
    [weekdayInWeekFrom(iso(year, 6, 20), 6), "midsommardagen"],
    [weekdayInWeekFrom(iso(year, 10, 31), 6), "alla helgons dag"],
    [iso(year, 12, 25), "juldagen"],
    [iso(year, 12, 26), "annandag jul"],
  ];
  return new Map(holidays);
};

/** The eves 1930:173 2 § names beside the holidays: midsommarafton, julafton, nyårsafton. */
const namedEves = (year: number): ReadonlySet<IsoDate> =>
  new Set([weekdayInWeekFrom(iso(year, 6, 19), 5), iso(year, 12, 24), iso(year, 12, 31)]);

/**
 * A weekday (vardag) in the sense of 1930:173 2 §: not a Saturday, a Sunday, another public
 * holiday, midsommarafton, julafton or nyårsafton.
 */
export const isWorkday = (date: IsoDate): boolean => {
  const dow = weekday(date);
  if (dow === 0 || dow === 6) return false;
  const year = parts(date)[0];
  return !publicHolidays(year).has(date) && !namedEves(year).has(date);
};

/** The date itself if it is a weekday, else the next one (at most a few days on: Easter, Christmas). */
export const onOrNextWorkday = (date: IsoDate): IsoDate => {
  let day = date;
  while (!isWorkday(day)) day = addCalendarDays(day, 1);
  return day;
};
