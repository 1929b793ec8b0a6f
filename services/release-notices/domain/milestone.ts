import type { Caller } from "../../../shared/domain/caller";
import { type Decision, fail, ok } from "../../../shared/domain/errors";
import { releasePlanReady } from "../../../shared/events/catalogue/release-notices";
import { reachableByStaff, staffMunicipality, withdrawnNotice } from "./access";
import { breachDraft } from "./breach";
import type { MilestoneEntry, Notice, PlanMilestone } from "./notice";
import { changed, draft, type EventDraft, type Outcome, transition, unchanged } from "./transition";

/** The municipality's staff record contact made or the plan ready, with a note already sealed. */
export interface MilestoneCommand {
  readonly milestone: PlanMilestone;
  readonly noteSealed?: string;
}

/**
 * Contact made moves a received notice to planning. Plan ready meets the deadline when it comes
 * before the release day begins; after that the plan is ready but the deadline stays breached,
 * and if the sweep had not yet recorded the breach, this call does (once). Plan ready twice is
 * the same as once.
 */
export const decideMilestone = (
  current: Notice | undefined,
  command: MilestoneCommand,
  caller: Caller,
  now: Date,
): Decision<Outcome> => {
  const municipality = staffMunicipality(caller);
  if (!municipality.ok) return municipality;
  const reached = reachableByStaff(current, municipality.value);
  if (!reached.ok) return reached;
  const notice = reached.value;
  if (notice.status === "withdrawn") return fail(withdrawnNotice());
  if (command.milestone === "plan-ready" && notice.status === "plan-ready") return ok(unchanged(notice));

  const entry: MilestoneEntry = {
    milestone: command.milestone,
    at: now.toISOString(),
    by: caller.subject,
    ...(command.noteSealed ? { noteSealed: command.noteSealed } : {}),
  };
  let next: Notice = { ...notice, milestones: [...notice.milestones, entry], updatedAt: now.toISOString() };
  const events: EventDraft[] = [];
  if (command.milestone === "contact-made" && notice.status === "received") {
    next = { ...next, status: "planning" };
  }
  if (command.milestone === "plan-ready") {
    const byReleaseDate = now < new Date(notice.plan.dueAt);
    if (!byReleaseDate && notice.plan.state === "open") events.push(breachDraft(notice, now));
    next = {
      ...next,
      status: "plan-ready",
      plan: { ...notice.plan, state: byReleaseDate ? "met" : "breached", readyAt: now.toISOString() },
    };
    events.push(
      draft(releasePlanReady, {
        noticeId: notice.noticeId,
        readyAt: now.toISOString(),
        planDueDate: notice.expectedReleaseDate,
        byReleaseDate,
      }),
    );
  }
  return ok(
    changed(
      transition(next, now, events, {
        action: `milestone:${command.milestone}`,
        actor: caller.subject,
        at: now,
      }),
    ),
  );
};
