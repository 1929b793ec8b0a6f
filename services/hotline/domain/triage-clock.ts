import type { DeadlineState } from "../../../shared/domain/deadline";
import { callExpiresAt, HOTLINE_RETENTION_DAYS } from "./retention";
import type { TriageStatus } from "./triage-state";

/**
 * The triage's clock, pure. Every call opens a triage due 24 hours after the call; an active
 * triage nobody has acknowledged goes to the manager; a call whose provider never reported back
 * becomes a callback task rather than waiting for ever. Local agreement, not law: no statute sets
 * these times; they are the hotline's agreed way of working.
 */

export const TRIAGE_HOURS = 24;
/** Unacknowledged this long after opening, a triage is escalated to the manager. */
export const ACKNOWLEDGE_MINUTES: Readonly<Record<"open" | "callback-needed", number>> = {
  open: 30,
  // Nobody has spoken to this caller yet: the manager hears of it sooner.
  "callback-needed": 15,
};
/** A call still ringing this long after it came in lost its webhooks: it becomes a callback task. */
export const RINGING_STALE_MINUTES = 10;
/**
 * A sweep that claimed an escalation SMS and then died leaves the claim; another sweep takes it
 * over after this long (well above the send's 10 s timeout).
 */
export const SMS_CLAIM_MINUTES = 2;
/** Calls and triages are thinned out (gallring) this long after the call: domain/retention.ts. */
export const RETENTION_DAYS = HOTLINE_RETENTION_DAYS;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const triageDueAt = (receivedAt: Date): Date =>
  new Date(receivedAt.getTime() + TRIAGE_HOURS * HOUR_MS);

export const retentionExpiry = (receivedAt: Date): number => callExpiresAt(receivedAt);

export interface ClockState {
  readonly status: TriageStatus;
  readonly receivedAt: string;
  readonly openedAt?: string | undefined;
  readonly acknowledged?: unknown;
  readonly escalated?:
    | {
        readonly at: string;
        readonly to?: string | undefined;
        readonly notification?: string | undefined;
        readonly sendingSince?: string | undefined;
      }
    | undefined;
  readonly deadline: { readonly dueAt: string; readonly state: DeadlineState };
}

export type Stage = "ringing-stale" | "escalate" | "notify" | "breach";

/** Every stage still to come, with its time. */
export const stages = (triage: ClockState): { stage: Stage; at: Date }[] => {
  const result: { stage: Stage; at: Date }[] = [];
  if (triage.status === "ringing") {
    result.push({
      stage: "ringing-stale",
      at: new Date(Date.parse(triage.receivedAt) + RINGING_STALE_MINUTES * MINUTE_MS),
    });
  }
  if (
    (triage.status === "open" || triage.status === "callback-needed") &&
    !triage.acknowledged &&
    !triage.escalated &&
    triage.openedAt
  ) {
    result.push({
      stage: "escalate",
      at: new Date(Date.parse(triage.openedAt) + ACKNOWLEDGE_MINUTES[triage.status] * MINUTE_MS),
    });
  }
  // The manager is not told yet: stays due (retried each sweep) until an SMS is accepted, or
  // until someone takes the triage, which makes the message moot.
  if (
    (triage.status === "open" || triage.status === "callback-needed") &&
    !triage.acknowledged &&
    triage.escalated?.notification === "pending"
  ) {
    const claimed = triage.escalated.sendingSince;
    result.push({
      stage: "notify",
      at: claimed
        ? new Date(Date.parse(claimed) + SMS_CLAIM_MINUTES * MINUTE_MS)
        : new Date(triage.escalated.at),
    });
  }
  if (triage.status !== "completed" && triage.deadline.state === "open") {
    result.push({ stage: "breach", at: new Date(triage.deadline.dueAt) });
  }
  return result.sort((a, b) => a.at.getTime() - b.at.getTime());
};

/** When the sweep must next look at the triage; undefined when nothing is left to watch. */
export const nextDue = (triage: ClockState): Date | undefined => stages(triage)[0]?.at;

/** The stages whose time has come at `now`. */
export const dueStages = (triage: ClockState, now: Date): Stage[] =>
  stages(triage)
    .filter((s) => s.at.getTime() <= now.getTime())
    .map((s) => s.stage);

/** The deadline as it truly is at `now`, even before the sweep has marked a breach. */
export const effectiveDeadlineState = (triage: ClockState, now: Date): DeadlineState =>
  triage.deadline.state === "open" &&
  triage.status !== "completed" &&
  Date.parse(triage.deadline.dueAt) <= now.getTime()
    ? "breached"
    : triage.deadline.state;

export const minutesLeft = (dueAt: string, now: Date): number =>
  Math.trunc((Date.parse(dueAt) - now.getTime()) / MINUTE_MS);

export const hoursBetween = (from: string, to: Date): number =>
  Math.max(0, Math.round(((to.getTime() - Date.parse(from)) / HOUR_MS) * 100) / 100);
