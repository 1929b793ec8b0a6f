/** Dates and times as people in Sweden read them, always in Swedish time whatever the device's zone. */
import { t } from "./i18n";

export const TIME_ZONE = "Europe/Stockholm";

const dateTime = new Intl.DateTimeFormat(t.locale, {
  timeZone: TIME_ZONE,
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
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
