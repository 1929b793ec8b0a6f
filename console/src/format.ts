/** Dates and times as people in Sweden read them, always in Swedish time whatever the device's zone. */
import { t } from "./i18n";

export const TIME_ZONE = "Europe/Stockholm";

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};
const dateTime = new Intl.DateTimeFormat(t.locale, { ...DATE_TIME, timeZone: TIME_ZONE });
const date = new Intl.DateTimeFormat(t.locale, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});
const time = new Intl.DateTimeFormat(t.locale, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "mån 23 nov. 2026 10:00" */
export const formatDateTime = (iso: string | Date): string => dateTime.format(new Date(iso));
/** "23 nov. 2026" */
export const formatDate = (iso: string | Date): string => date.format(new Date(iso));
/** "10:00" */
export const formatTime = (iso: string | Date): string => time.format(new Date(iso));

const zoned = new Map<string, Intl.DateTimeFormat>();

/** "sön 28 mars 2027 08:00" in another zone than Sweden's: an on-call schedule's own. */
export const formatDateTimeIn = (iso: string | Date, timeZone: string): string => {
  let format = zoned.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(t.locale, { ...DATE_TIME, timeZone });
    zoned.set(timeZone, format);
  }
  return format.format(new Date(iso));
};
