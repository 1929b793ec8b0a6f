import { stockholmDate } from "../../../shared/time";

/** `YYYY-MM`: a calendar month in Europe/Stockholm. */
export type Month = string;

/** The Stockholm month an instant falls in: 23:30 UTC on 31 January is already February in Sweden. */
export const stockholmMonth = (instant: string | Date): Month =>
  stockholmDate(typeof instant === "string" ? new Date(instant) : instant).slice(0, 7);

/** Months since year 0, so that month arithmetic is integer arithmetic. */
const monthIndex = (month: Month): number => {
  const [year = 0, number = 1] = month.split("-").map(Number);
  return year * 12 + number - 1;
};

const monthAt = (index: number): Month =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** Months from `from` to `to` inclusive, counted as calendar months (0 or less when `from` is after `to`). */
export const monthSpan = (from: Month, to: Month): number => monthIndex(to) - monthIndex(from) + 1;

/** Every month from `from` to `to`, inclusive, as `YYYY-MM`. */
export const monthsBetween = (from: Month, to: Month): Month[] => {
  const months: Month[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index++) months.push(monthAt(index));
  return months;
};
