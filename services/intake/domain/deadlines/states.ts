/**
 * A deadline's life: `open` (or `extended`, open with a lawful new due time), then `met` (done
 * before its due time) or `breached` (due and not done, or done late). A breach stays a breach.
 */
import { DEADLINE_STATES } from "../../../../shared/domain/deadline";
import type { DeadlineType } from "./rules";

/**
 * The shared states and intake's own `extended`: an extension for synnerliga or särskilda skäl is
 * lawful and is not a breach. A candidate for shared/domain/deadline.ts.
 */
export const INTAKE_DEADLINE_STATES = [...DEADLINE_STATES, "extended"] as const;
export type DeadlineState = (typeof INTAKE_DEADLINE_STATES)[number];

/** One lawful extension: who decided it, when, the due time it replaced, and the reason, sealed. */
export interface Extension {
  readonly at: string;
  readonly by: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
  readonly reasonSealed: string;
}

export interface Deadline {
  readonly type: DeadlineType;
  readonly dueAt: string;
  readonly state: DeadlineState;
  /** When the step was done, met or not; absent while it is still to do. */
  readonly doneAt?: string;
  /** Every extension, oldest first; `dueAt` is the latest one's. */
  readonly extensions?: readonly Extension[];
}

export const openDeadline = (type: DeadlineType, dueAt: Date): Deadline => ({
  type,
  dueAt: dueAt.toISOString(),
  state: "open",
});

/** Still running: open, or open again until its extended due time. */
export const isRunning = (deadline: Pick<Deadline, "state">): boolean =>
  deadline.state === "open" || deadline.state === "extended";

/** A step done at `at`: met if before its due time, breached otherwise (a breach stays a breach). */
export const markDone = (deadline: Deadline, at: Date): Deadline => ({
  ...deadline,
  state: deadline.state === "breached" || at.getTime() >= Date.parse(deadline.dueAt) ? "breached" : "met",
  doneAt: at.toISOString(),
});

/** The state as it truly is now, before the sweep has marked a breach; a closed referral's deadlines stand still. */
export const effectiveState = (deadline: Deadline, now: Date, active: boolean): DeadlineState =>
  active && isRunning(deadline) && Date.parse(deadline.dueAt) <= now.getTime() ? "breached" : deadline.state;

const earliest = (deadlines: readonly Deadline[]): string | undefined =>
  deadlines.map((d) => d.dueAt).sort()[0];

/** What the sweep waits for: the earliest deadline not yet done and not yet marked breached. */
export const nextOpenDueAt = (deadlines: readonly Deadline[]): string | undefined =>
  earliest(deadlines.filter((d) => isRunning(d) && d.doneAt === undefined));

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
    if (!isRunning(d) || d.doneAt !== undefined || Date.parse(d.dueAt) > now.getTime()) return d;
    const marked: Deadline = { ...d, state: "breached" };
    breached.push(marked);
    return marked;
  });
  return { deadlines: next, breached };
};

/**
 * Marks the deadlines `completes` picks (and not yet done) done at `now`. Those found still
 * running but late are breaches the sweep had not yet caught: each is one `deadline.breached`, now.
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
    if (isRunning(d) && done.state === "breached") breached.push(d);
    return done;
  });
  return { deadlines: next, completed, breached };
};
