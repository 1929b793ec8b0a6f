/**
 * What Kriminalvården's later word does to a release referral: a new release date moves its plan
 * deadline, a plan recorded ready meets it, a withdrawal closes the referral. Each returns
 * undefined when it changes nothing (the referral closed meanwhile, an older update arriving late).
 */
import type { IsoDate } from "../../../shared/time";
import { closeReferral } from "./closing";
import { deadlineOnTrigger } from "./deadlines/schedule";
import { isRunning, markDone } from "./deadlines/states";
import { deadlineFactsOf, isActive, type Referral, revise, type Transition } from "./referral";
import { breachDraft } from "./referral-events";

/** A plan already done stays done; otherwise the new date starts the plan deadline over. */
export const moveReleaseDate = (
  current: Referral,
  update: { readonly releaseDate: IsoDate; readonly updatedAt: string },
  actor: string,
  now: Date,
): Transition | undefined => {
  // An older update delivered late must not move the date back.
  const stale = current.sourceUpdatedAt !== undefined && current.sourceUpdatedAt >= update.updatedAt;
  if (!isActive(current) || stale) return undefined;
  const plan = deadlineOnTrigger("release-date", deadlineFactsOf(current), update.releaseDate);
  const deadlines = current.deadlines.map((d) =>
    d.type === "release-plan" && d.doneAt === undefined && plan ? plan : d,
  );
  return {
    referral: revise(current, { deadlines, sourceUpdatedAt: update.updatedAt }, now),
    expectedVersion: current.version,
    events: [],
    audit: [{ referralId: current.id, action: "release-date-moved", actor, at: now }],
  };
};

/**
 * The plan the release-notices service recorded ready, at `readyAt`, meets the plan deadline.
 * Ready after the release day began, and not yet caught by the sweep: the breach is emitted now.
 */
export const recordPlanReady = (
  current: Referral,
  readyAt: Date,
  actor: string,
  now: Date,
): Transition | undefined => {
  const plan = current.deadlines.find((d) => d.type === "release-plan" && d.doneAt === undefined);
  if (!plan || !isActive(current)) return undefined;
  const done = markDone(plan, readyAt);
  return {
    referral: revise(current, { deadlines: current.deadlines.map((d) => (d === plan ? done : d)) }, now),
    expectedVersion: current.version,
    events: isRunning(plan) && done.state === "breached" ? [breachDraft(current, plan, now)] : [],
    audit: [{ referralId: current.id, action: "release-plan-ready", actor, at: now }],
  };
};

/** The notice withdrawn: its referral, if still active, ends as `withdrawn`. */
export const withdrawNotice = (current: Referral, actor: string, now: Date): Transition | undefined => {
  if (!isActive(current)) return undefined;
  const closed = closeReferral(current, { reason: "withdrawn" }, actor, now);
  return closed.ok ? closed.value : undefined;
};
