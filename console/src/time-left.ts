/** How much time is left until a deadline, in words and as a tone; the tone is never shown alone. */
import { t } from "./i18n";

export type Tone = "overdue" | "urgent" | "soon" | "ok";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ToneThresholds {
  /** Less than this left is urgent. */
  readonly urgentMs: number;
  /** Less than this left is soon. */
  readonly soonMs: number;
}

/** For legal deadlines counted in days: urgent within a day, soon within three. */
export const DAY_DEADLINES: ToneThresholds = { urgentMs: DAY, soonMs: 3 * DAY };
/** For the hotline's 24 hours: urgent in the last two hours, soon in the last eight. */
export const HOUR_DEADLINES: ToneThresholds = { urgentMs: 2 * HOUR, soonMs: 8 * HOUR };

export const toneOf = (msLeft: number, thresholds: ToneThresholds = DAY_DEADLINES): Tone =>
  msLeft < 0
    ? "overdue"
    : msLeft < thresholds.urgentMs
      ? "urgent"
      : msLeft < thresholds.soonMs
        ? "soon"
        : "ok";

/**
 * "2 dagar och 3 timmar", "5 timmar och 10 minuter", "12 minuter": the two largest units that
 * matter. `inHours` counts whole days as hours too, as the hotline's 24 hours are counted.
 */
export const durationWords = (ms: number, inHours = false): string => {
  const abs = Math.abs(ms);
  const days = inHours ? 0 : Math.floor(abs / DAY);
  const hours = Math.floor((abs - days * DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days >= 1) return hours > 0 ? t.time.and(t.time.days(days), t.time.hours(hours)) : t.time.days(days);
  if (hours >= 1) {
    return minutes > 0 ? t.time.and(t.time.hours(hours), t.time.minutes(minutes)) : t.time.hours(hours);
  }
  return t.time.minutes(minutes);
};

/** "2 dagar och 3 timmar kvar", "försenad 3 timmar", or "nu" within a minute either side. */
export const timeLeftWords = (msLeft: number, inHours = false): string => {
  if (Math.abs(msLeft) < MINUTE) return t.time.now;
  const words = durationWords(msLeft, inHours);
  return msLeft > 0 ? t.time.left(words) : t.time.overdue(words);
};
