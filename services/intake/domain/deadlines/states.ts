/**
 * A deadline's life: `open`, then `met` (done before its due time) or `breached` (due and not
 * done, or done late). A breach stays a breach.
 */
import type { DeadlineState } from "../../../../shared/domain/deadline";
import type { DeadlineType } from "./rules";

export interface Deadline {
  readonly type: DeadlineType;
  readonly dueAt: string;
  readonly state: DeadlineState;
  /** When the step was done, met or not; absent while it is still to do. */
  readonly doneAt?: string;
}

export const openDeadline = (type: DeadlineType, dueAt: Date): Deadline => ({
  type,
  dueAt: dueAt.toISOString(),
  state: "open",
});

/** A step done at `at`: met if before its due time, breached otherwise (a breach stays a breach). */
export const markDone = (deadline: Deadline, at: Date): Deadline => ({
  ...deadline,
  state: deadline.state === "breached" || at.getTime() >= Date.parse(deadline.dueAt) ? "breached" : "met",
  doneAt: at.toISOString(),
});

/** The state as it truly is now, before the sweep has marked a breach; a closed referral's deadlines stand still. */
export const effectiveState = (deadline: Deadline, now: Date, active: boolean): DeadlineState =>
  active && deadline.state === "open" && Date.parse(deadline.dueAt) <= now.getTime()
    ? "breached"
    : deadline.state;

const earliest = (deadlines: readonly Deadline[]): string | undefined =>
  deadlines.map((d) => d.dueAt).sort()[0];

/** What the sweep waits for: the earliest deadline not yet done and not yet marked breached. */
export const nextOpenDueAt = (deadlines: readonly Deadline[]): string | undefined =>
  earliest(deadlines.filter((d) => d.state === "open" && d.doneAt === undefined));

/** What makes a referral overdue: the earliest step still to do, breached or not. */
export const pendingDueAt = (deadlines: readonly Deadline[]): string | undefined =>
  earliest(deadlines.filter((d) => d.doneAt === undefined));

/** The deadlines due at `now` and not yet marked, marked breached; each is one `deadline.breached`. */
export const breachDue = (
  deadlines: readonly Deadline[],
  now: Date,
): { deadlines: Deadline[]; breached: Deadline[] } => {
  const breached: Deadline[] = [];
  const next = deadlines.map((d) => {
    if (d.state !== "open" || d.doneAt !== undefined || Date.parse(d.dueAt) > now.getTime()) return d;
    const marked: Deadline = { ...d, state: "breached" };
    breached.push(marked);
    return marked;
  });
  return { deadlines: next, breached };
};

/**
 * Marks the deadlines `completes` picks (and not yet done) done at `now`. Those found still open
 * but late are breaches the sweep had not yet caught: each is one `deadline.breached`, now.
 */
export const completeDeadlines = (
  deadlines: readonly Deadline[],
  completes: (deadline: Deadline) => boolean,
  now: Date,
): { deadlines: Deadline[]; completed: Deadline[]; breached: Deadline[] } => {
  const completed: Deadline[] = [];
  const breached: Deadline[] = [];
  const next = deadlines.map((d) => {
    if (d.doneAt !== undefined || !completes(d)) return d;
    const done = markDone(d, now);
    completed.push(d);
    if (d.state === "open" && done.state === "breached") breached.push(d);
    return done;
  });
  return { deadlines: next, completed, breached };
};
