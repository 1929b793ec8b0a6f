import { findMunicipality } from "../../../shared/municipalities";
import { zonedWallClock } from "../../../shared/zoned-clock";
import { type EventDraft, triageBreached } from "./event-drafts";
import { SMS_CLAIM_MINUTES, type Stage } from "./triage-clock";
import { changed, type Triage } from "./triage-state";

/**
 * What the sweep does when a triage's time comes, pure: an unacknowledged triage goes to the
 * manager, who is told by SMS at least once and, once that succeeded, never again; a triage not
 * completed within 24 hours is breached, once.
 *
 * The SMS is sent in steps, each a conditional write: the escalation is kept first (`pending`);
 * a sweep then claims the send (`sendingSince`), so two sweeps cannot both send; sends; and
 * records it `sent`. A failed send releases the claim; a sweep that dies mid-send leaves a claim
 * that lapses after SMS_CLAIM_MINUTES. Only a crash between the provider's acceptance and the
 * `sent` write can send twice.
 */

export interface SweepChange {
  readonly triage: Triage;
  readonly events: readonly EventDraft[];
  readonly escalated: boolean;
  readonly breached: boolean;
}

/**
 * Escalates to the manager and marks the breach, whichever of the two has come; undefined when
 * neither has. `notification`: `pending` when an SMS is to follow, `not-configured` when none can.
 */
export const escalateOrBreach = (
  triage: Triage,
  stages: readonly Stage[],
  now: Date,
  notification: "pending" | "not-configured",
): SweepChange | undefined => {
  const escalated = stages.includes("escalate");
  const breached = stages.includes("breach");
  if (!escalated && !breached) return undefined;
  const next = changed(triage, {
    ...(escalated
      ? { escalated: { at: now.toISOString(), to: triage.managerId ?? "manager", notification } }
      : {}),
    ...(breached ? { deadline: { ...triage.deadline, state: "breached" as const } } : {}),
  });
  return { triage: next, events: breached ? [triageBreached(triage, now)] : [], escalated, breached };
};

const isActive = (triage: Triage) => triage.status === "open" || triage.status === "callback-needed";

/** Whether the manager is still to be told now: pending, nobody took the triage, no live claim. */
export const notificationDue = (triage: Triage, now: Date): boolean => {
  const escalated = triage.escalated;
  if (escalated?.notification !== "pending" || triage.acknowledged || !isActive(triage)) return false;
  const claimedAt = escalated.sendingSince ? Date.parse(escalated.sendingSince) : undefined;
  return claimedAt === undefined || claimedAt + SMS_CLAIM_MINUTES * 60_000 <= now.getTime();
};

/** This sweep takes the send, to the manager on duty now. */
export const claimNotification = (triage: Triage, managerId: string, now: Date): Triage => {
  const escalated = triage.escalated;
  if (!escalated) throw new Error("only an escalated triage has a notification to claim");
  return changed(triage, {
    escalated: {
      ...escalated,
      to: managerId,
      sendingSince: now.toISOString(),
      attempts: (escalated.attempts ?? 0) + 1,
    },
  });
};

/** The send failed: the next sweep may try at once rather than after the claim lapses. */
export const releaseClaim = (claimed: Triage): Triage => {
  if (!claimed.escalated) return claimed;
  const { sendingSince: _claim, ...escalated } = claimed.escalated;
  return changed(claimed, { escalated });
};

/**
 * The send went through: recorded even when the triage moved meanwhile (a step, an
 * acknowledgement), so it is never sent again. Undefined when it is no longer this escalation's.
 */
export const markNotified = (current: Triage, claimed: Triage, now: Date): Triage | undefined => {
  const escalated = current.escalated;
  if (escalated?.at !== claimed.escalated?.at || escalated?.notification !== "pending") return undefined;
  const { sendingSince: _claim, ...rest } = escalated;
  return changed(current, { escalated: { ...rest, notification: "sent", notifiedAt: now.toISOString() } });
};

/** No SMS can be sent for this escalation: recorded once, so it is not tried (and logged) again. */
export const giveUpNotification = (
  triage: Triage,
  notification: "not-configured" | "no-recipient",
): Triage | undefined =>
  triage.escalated ? changed(triage, { escalated: { ...triage.escalated, notification } }) : undefined;

export interface EscalationSmsInput {
  readonly triageId: string;
  readonly municipality: string;
  readonly status: "open" | "callback-needed";
  /** When the call came in. */
  readonly receivedAt: Date;
  readonly timeZone: string;
}

/** HH:MM on the zone's clock; Stockholm's without Intl, whose first formatter costs a sweep's cold start tens of ms. */
const clockTime = (at: Date, timeZone: string): string =>
  new Date(zonedWallClock(at.getTime(), timeZone).asUtcMs).toISOString().slice(11, 16);

/**
 * The text a manager gets. Only what is ours to say: the municipality, the time of the call and
 * the triage id. Never the caller's number, a name or anything said in the call: an SMS sits on a
 * phone's lock screen and in the operator's logs.
 */
export const escalationSmsText = (input: EscalationSmsInput): string => {
  const kommun = findMunicipality(input.municipality)?.name ?? input.municipality;
  const since = clockTime(input.receivedAt, input.timeZone);
  const what =
    input.status === "callback-needed"
      ? `ett obesvarat samtal i ${kommun} väntar på återkoppling sedan ${since}`
      : `ett besvarat samtal i ${kommun} är inte kvitterat sedan ${since}`;
  return `Avhoppartelefonen: ${what}. Öppna triage ${input.triageId}.`;
};
