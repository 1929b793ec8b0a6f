/**
 * A report of suspected violence against a child by someone close, marked by the reporter or by
 * staff: an investigation must follow without delay (SOSFS 2014:4), the protection assessment is
 * due the same day, and the referral shows at the top of the worklist while it is active.
 */
import { conflict, type Decision, fail, ok } from "../../../shared/domain/errors";
import { addCalendarDays, startOfStockholmDay, stockholmDate } from "../../../shared/time";
import { receiptDeadlineOf } from "./deadlines/schedule";
import { type Deadline, isRunning } from "./deadlines/states";
import { deadlineFactsOf, type Referral, requireActive, revise, type Transition } from "./referral";

/** Marked, an open referral about a child may not be decided without an investigation. */
export const requireInvestigationIfViolence = (
  current: Referral,
  openInvestigation: boolean,
): Decision<void> =>
  current.closeRelativeViolence && !openInvestigation
    ? fail(
        conflict(
          "A report of suspected violence against a child by someone close must lead to an investigation (SOSFS 2014:4); remove the mark first if it proved unfounded",
          "investigation-required",
        ),
      )
    : ok(undefined);

const endOfDay = (at: Date) => startOfStockholmDay(addCalendarDays(stockholmDate(at), 1)).toISOString();

/**
 * Marking moves a protection assessment still to do to the end of today if that is sooner;
 * removing the mark gives it back the due time the rules give an unmarked report. A step done
 * stays as it was. Marking what is marked, or clearing what is clear, changes nothing.
 */
export const markViolenceConcern = (
  current: Referral,
  suspected: boolean,
  actor: string,
  now: Date,
): Decision<Transition | undefined> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  if (suspected === (current.closeRelativeViolence !== undefined)) return ok(undefined);
  const due = (d: Deadline): string => {
    if (suspected) return d.dueAt < endOfDay(now) ? d.dueAt : endOfDay(now);
    const unmarked = { ...deadlineFactsOf(current), closeRelativeViolence: false };
    return (
      receiptDeadlineOf("protection-assessment", unmarked, new Date(current.receivedAt))?.dueAt ?? d.dueAt
    );
  };
  const deadlines = current.deadlines.map((d) =>
    d.type === "protection-assessment" && d.doneAt === undefined && isRunning(d)
      ? { ...d, dueAt: due(d) }
      : d,
  );
  const { closeRelativeViolence: _cleared, ...rest } = current;
  const referral = suspected
    ? revise(current, { deadlines, closeRelativeViolence: { at: now.toISOString(), by: actor } }, now)
    : revise(rest, { deadlines }, now);
  return ok({
    referral,
    expectedVersion: current.version,
    events: [],
    audit: [
      {
        referralId: current.id,
        action: suspected ? "violence-concern:marked" : "violence-concern:cleared",
        actor,
        at: now,
      },
    ],
  });
};
