import { addCalendarDays, type IsoDate, startOfStockholmDay } from "../../../shared/time";

/** Reminders while no plan is ready, in days before release, latest last (local agreement). */
export const REMINDER_DAYS = [60, 30, 7] as const;

/**
 * The plan is due when the release day begins in Sweden: people are usually released in the
 * morning, and a plan not ready when the day starts is not ready on the day.
 */
export const planDueAt = (releaseDate: IsoDate): Date => startOfStockholmDay(releaseDate);

/** A step of the plan deadline's schedule: a reminder N days before release, or the breach. */
export type PlanStage =
  | { readonly kind: "reminder"; readonly daysBefore: number }
  | { readonly kind: "breach" };

export interface ScheduledStage {
  readonly stage: PlanStage;
  readonly at: Date;
}

/** Every stage of a release date's schedule, in order. */
export const planSchedule = (releaseDate: IsoDate): ScheduledStage[] => [
  ...REMINDER_DAYS.map((daysBefore) => ({
    stage: { kind: "reminder", daysBefore } as const,
    at: startOfStockholmDay(addCalendarDays(releaseDate, -daysBefore)),
  })),
  { stage: { kind: "breach" } as const, at: planDueAt(releaseDate) },
];

/**
 * The next stage still to come after `after` for a plan not yet ready. Reminders whose day has
 * passed are skipped (a notice that arrives 20 days before release gets the 7-day reminder only);
 * the breach is never skipped.
 */
export const nextStage = (
  releaseDate: IsoDate,
  remindersSent: readonly number[],
  after: Date,
): ScheduledStage | undefined =>
  planSchedule(releaseDate).find(
    ({ stage, at }) =>
      stage.kind === "breach" ||
      (!remindersSent.includes(stage.daysBefore) && at.getTime() > after.getTime()),
  );

/** Which stage is due at `now`, if any: the sweep acts on this. Stale reminders are dropped. */
export const dueStage = (
  releaseDate: IsoDate,
  remindersSent: readonly number[],
  now: Date,
): { due: PlanStage | undefined; next: ScheduledStage | undefined } => {
  const schedule = planSchedule(releaseDate);
  const breach = schedule[schedule.length - 1];
  if (breach && breach.at.getTime() <= now.getTime()) return { due: breach.stage, next: undefined };
  // The latest reminder whose time has come, if not sent; earlier missed ones are not sent late.
  const reached = schedule.filter(
    ({ stage, at }) => stage.kind === "reminder" && at.getTime() <= now.getTime(),
  );
  const latest = reached[reached.length - 1];
  const due =
    latest && latest.stage.kind === "reminder" && !remindersSent.includes(latest.stage.daysBefore)
      ? latest.stage
      : undefined;
  const sent = due?.kind === "reminder" ? [...remindersSent, due.daysBefore] : remindersSent;
  return { due, next: nextStage(releaseDate, sent, now) };
};
