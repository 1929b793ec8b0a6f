import { draft, type EventDraft } from "../../../shared/events/draft";

export { draft, type EventDraft };

import type { Notice } from "./notice";
import { nextStage } from "./plan-schedule";

/** Who did what to a notice, and when: one row of the audit trail. Never personal data. */
export interface AuditFact {
  readonly action: string;
  readonly actor: string;
  readonly at: Date;
}

/** A notice's move to a new state: the state, where the deadline sweep finds it next, events, audit. */
export interface Transition {
  readonly notice: Notice;
  /** When the plan deadline next needs the sweep (a reminder or the breach); undefined: never again. */
  readonly nextDueAt: Date | undefined;
  readonly events: readonly EventDraft[];
  readonly audit: AuditFact | undefined;
}

/** The next reminder or breach still to come for an open plan of a notice not withdrawn. */
export const nextDueAt = (notice: Notice, now: Date): Date | undefined => {
  if (notice.status === "withdrawn" || notice.plan.state !== "open") return undefined;
  return nextStage(notice.expectedReleaseDate, notice.plan.remindersSent, now)?.at;
};

export const transition = (
  notice: Notice,
  now: Date,
  events: readonly EventDraft[],
  audit: AuditFact | undefined,
): Transition => ({ notice, nextDueAt: nextDueAt(notice, now), events, audit });

/** What a command decided: a transition to commit, or nothing to change (a retry) with the notice as it is. */
export type Outcome =
  | { readonly kind: "changed"; readonly transition: Transition }
  | { readonly kind: "unchanged"; readonly notice: Notice };

export const changed = (t: Transition): Outcome => ({ kind: "changed", transition: t });
export const unchanged = (notice: Notice): Outcome => ({ kind: "unchanged", notice });
