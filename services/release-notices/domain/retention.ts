import { addCalendarDays, type IsoDate, startOfStockholmDay } from "../../../shared/time";

/** Notices and their audit trail are thinned out (gallring) this long after release. */
export const RETENTION_DAYS_AFTER_RELEASE = 365;

/** When a notice released on `releaseDate`, and every audit row about it, may be deleted. */
export const retainUntil = (releaseDate: IsoDate): Date =>
  startOfStockholmDay(addCalendarDays(releaseDate, RETENTION_DAYS_AFTER_RELEASE));
