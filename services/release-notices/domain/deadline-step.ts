import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { breachDraft } from "./breach";
import type { Notice } from "./notice";
import { dueStage, type PlanStage } from "./plan-schedule";
import { draft, type Transition, transition } from "./transition";

export interface DeadlineStep {
  /** What fell due: a reminder, the breach, or nothing (the notice only moves on the sweep's index). */
  readonly stage: PlanStage | undefined;
  readonly transition: Transition;
}

/**
 * What the deadline sweep does with a notice the due index gave it: the latest reminder reached
 * and not yet sent (earlier missed ones are not sent late), or the breach when the release day
 * has begun, each once. A notice withdrawn or with its plan no longer open only leaves the index.
 */
export const decideDeadlineStep = (notice: Notice, now: Date): DeadlineStep => {
  const { due } = dueStage(notice.expectedReleaseDate, notice.plan.remindersSent, now);
  const stage = notice.status !== "withdrawn" && notice.plan.state === "open" ? due : undefined;
  if (stage?.kind === "breach") {
    const breached: Notice = { ...notice, plan: { ...notice.plan, state: "breached" } };
    return { stage, transition: transition(breached, now, [breachDraft(notice, now)], undefined) };
  }
  if (stage?.kind === "reminder") {
    const reminded: Notice = {
      ...notice,
      plan: { ...notice.plan, remindersSent: [...notice.plan.remindersSent, stage.daysBefore] },
    };
    const reminder = draft(releasePlanReminder, {
      noticeId: notice.noticeId,
      daysBeforeRelease: stage.daysBefore,
      planDueDate: notice.expectedReleaseDate,
    });
    return { stage, transition: transition(reminded, now, [reminder], undefined) };
  }
  return { stage: undefined, transition: transition(notice, now, [], undefined) };
};
