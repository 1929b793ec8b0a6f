import { addCalendarMonths, calendarDaysBetween, type IsoDate, stockholmDate } from "../../../shared/time";

/** The agreement with Kriminalvården (local agreement): notice at least three calendar months before release. */
export const AGREED_LEAD_MONTHS = 3;

export interface LeadTime {
  readonly leadDays: number;
  readonly onTime: boolean;
}

/**
 * Lead time in Swedish calendar dates. On time when the notice's date is on or before the release
 * date less three calendar months (the 31 May release needs notice by 28 Feb, or 29 Feb in a leap year).
 */
export const leadTime = (receivedAt: Date, releaseDate: IsoDate): LeadTime => {
  const receivedDate = stockholmDate(receivedAt);
  return {
    leadDays: calendarDaysBetween(receivedDate, releaseDate),
    onTime: receivedDate <= addCalendarMonths(releaseDate, -AGREED_LEAD_MONTHS),
  };
};

/** A release date before today (in Sweden) can no longer be planned for. */
export const isReleaseDateInPast = (releaseDate: IsoDate, now: Date): boolean =>
  releaseDate < stockholmDate(now);
