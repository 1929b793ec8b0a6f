/**
 * A lawful extension of a deadline: the förhandsbedömning may run past its 14 days for
 * synnerliga skäl, an investigation about a child may be extended for särskilda skäl for a set
 * time (SoL 11 kap. 1 a § and 2 §). Decided before the deadline runs out; a breach stays a breach.
 */
import { conflict, type Decision, fail, ok, unprocessable } from "../../../shared/domain/errors";
import { deadlineExtended } from "../../../shared/events/catalogue/deadlines";
import { addCalendarDays, type IsoDate, startOfStockholmDay } from "../../../shared/time";
import type { DeadlineType } from "./deadlines/rules";
import { type Deadline, effectiveState } from "./deadlines/states";
import { draft, type Referral, requireActive, revise, type Transition } from "./referral";

/** The deadlines the law lets a board extend, and the grounds it names. */
export const EXTENDABLE = {
  "pre-assessment": "synnerliga skäl",
  investigation: "särskilda skäl",
} as const satisfies Partial<Record<DeadlineType, string>>;
export type ExtendableType = keyof typeof EXTENDABLE;

export const extendDeadline = (
  current: Referral,
  extension: { readonly type: ExtendableType; readonly until: IsoDate; readonly reasonSealed: string },
  actor: string,
  now: Date,
): Decision<Transition> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  const deadline = current.deadlines.find((d) => d.type === extension.type);
  if (!deadline) {
    return fail(conflict(`This referral has no ${extension.type} deadline to extend`, "not-applicable"));
  }
  if (deadline.doneAt !== undefined) {
    return fail(conflict(`The ${extension.type} step is already done`, "already-recorded"));
  }
  if (effectiveState(deadline, now, true) === "breached") {
    return fail(
      conflict(
        `The ${extension.type} deadline has already passed: an extension is decided before it runs out, and a breach stays a breach`,
        "already-breached",
      ),
    );
  }
  const dueAt = startOfStockholmDay(addCalendarDays(extension.until, 1)).toISOString();
  if (dueAt <= deadline.dueAt) {
    return fail(
      unprocessable("An extension must move the deadline later", {
        fields: [{ path: "until", message: "must be after the deadline's current last day" }],
        code: "not-later",
      }),
    );
  }
  const extended: Deadline = {
    ...deadline,
    dueAt,
    state: "extended",
    extensions: [
      ...(deadline.extensions ?? []),
      {
        at: now.toISOString(),
        by: actor,
        previousDueAt: deadline.dueAt,
        dueAt,
        reasonSealed: extension.reasonSealed,
      },
    ],
  };
  const referral = revise(
    current,
    { deadlines: current.deadlines.map((d) => (d === deadline ? extended : d)) },
    now,
  );
  return ok({
    referral,
    expectedVersion: current.version,
    events: [
      draft(deadlineExtended, {
        service: "intake",
        subject: { type: "referral", id: current.id },
        deadline: extension.type,
        previousDueAt: deadline.dueAt,
        dueAt,
        extendedAt: now.toISOString(),
      }),
    ],
    audit: [{ referralId: current.id, action: `extend:${extension.type}`, actor, at: now }],
  });
};
