import { DEFAULT_SETTINGS } from "../../../shared/settings";
import { addCalendarMonths, calendarDaysBetween, type IsoDate, stockholmDate } from "../../../shared/time";

export interface LeadTime {
  readonly leadDays: number;
  readonly onTime: boolean;
}

/**
 * Lead time in Swedish calendar dates. On time when the notice's date is on or before the release
 * date less the lead the municipality agreed with Kriminalvården (a local agreement, not law; its
 * setting `releaseNoticeLeadMonths` in force on the day the notice arrives, three calendar months by
 * default: the 31 May release needs notice by 28 Feb, or 29 Feb in a leap year).
 */
export const leadTime = (
  receivedAt: Date,
  releaseDate: IsoDate,
  leadMonths: number = DEFAULT_SETTINGS.releaseNoticeLeadMonths,
): LeadTime => {
  const receivedDate = stockholmDate(receivedAt);
  return {
    leadDays: calendarDaysBetween(receivedDate, releaseDate),
    onTime: receivedDate <= addCalendarMonths(releaseDate, -leadMonths),
  };
};

/** A release date before today (in Sweden) can no longer be planned for. */
export const isReleaseDateInPast = (releaseDate: IsoDate, now: Date): boolean =>
  releaseDate < stockholmDate(now);
