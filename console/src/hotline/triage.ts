/** The hotline's rules the console needs, pure: the 24-hour countdown, the steps, the board's order. */
import type { FieldProblem } from "../api/problem";
import { STEPS, type StepName, type TriageDetail, type TriageSummary } from "../api/types";

/**
 * Milliseconds left at `now`, counted from the server's own `minutesLeft` when the triage was read
 * (`readAt`, by this device's clock): a device whose clock is wrong still counts down right.
 */
export const msLeftAt = (minutesLeft: number, readAt: number, now: number): number =>
  minutesLeft * 60_000 - (now - readAt);

/** A step counts as handled when it is done or, with a reason, not needed. */
export const stepsHandled = (triage: Pick<TriageSummary, "steps">): number =>
  STEPS.filter((step) => triage.steps[step].status !== "pending").length;

/** The steps a 409 `steps-pending` names (`steps.<step>`), in the order the console shows steps. */
export const pendingStepsOf = (fields: readonly FieldProblem[]): StepName[] =>
  STEPS.filter((step) => fields.some((f) => f.path === `steps.${step}`));

/**
 * What the console holds of a triage: never the caller's number or identity, which the API sends
 * with every answer about one triage; the page asks for them again when the worker wants to see them.
 */
export type ShownTriage = Omit<TriageDetail, "caller" | "person">;

export const withoutCaller = (triage: TriageDetail): ShownTriage => {
  const { caller: _caller, person: _person, ...shown } = triage;
  return shown;
};

/** The board's order within a section: the soonest due first (the API lists the oldest call first). */
export const byDueAt = <T extends Pick<TriageSummary, "deadline">>(triages: readonly T[]): T[] =>
  [...triages].sort((a, b) => Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt));
