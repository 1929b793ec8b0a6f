import type { DeadlineState } from "../../../shared/domain/deadline";
import type { CHAIN_ROLES, TRIAGE_ORIGINS } from "../../../shared/events/catalogue/hotline";
import { TRIAGE_STEPS } from "../../../shared/events/catalogue/hotline";

/**
 * What a triage is, as the rules see it: no table keys, no index attributes. Every call opens one;
 * it is `ringing` until answered (`open`) or not (`callback-needed`), then `completed`.
 */

export const TRIAGE_STATUSES = ["ringing", "open", "callback-needed", "completed"] as const;
export const STEP_STATUSES = ["pending", "done", "not-needed"] as const;
export const NOTIFICATION_STATES = ["pending", "sent", "not-configured", "no-recipient"] as const;

export type TriageStep = (typeof TRIAGE_STEPS)[number];
/** Unacknowledged this long after opening (by status), a triage is escalated to the manager. */
export type AcknowledgeMinutes = Readonly<Record<"open" | "callback-needed", number>>;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];
export type TriageOrigin = (typeof TRIAGE_ORIGINS)[number];
export type ChainRole = (typeof CHAIN_ROLES)[number];
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export interface StepState {
  readonly status: StepStatus;
  /** What staff wrote, sealed to this triage and step: never in clear at rest (issue 13). */
  readonly noteSealed?: string | undefined;
  /** Why the step is not needed, sealed like the note. */
  readonly reasonSealed?: string | undefined;
  /**
   * Notes and reasons written before they were sealed. Never written now: the next change by staff
   * seals them (app/sealing.ts), and views still show them.
   */
  readonly note?: string | undefined;
  readonly reason?: string | undefined;
  readonly at?: string | undefined;
  readonly by?: string | undefined;
}

export type Steps = Readonly<Record<TriageStep, StepState>>;

export interface Escalation {
  readonly at: string;
  /** The manager it went to. */
  readonly to: string;
  /**
   * Telling the manager: `pending` until an SMS was accepted (`sent`, at `notifiedAt`);
   * `not-configured` / `no-recipient` when none could be sent (logged once, not retried).
   * Absent on escalations recorded before notification existed.
   */
  readonly notification?: NotificationState | undefined;
  readonly notifiedAt?: string | undefined;
  /** Sends tried so far. */
  readonly attempts?: number | undefined;
  /** A sweep claimed the send at this time; another waits until the claim lapses. */
  readonly sendingSince?: string | undefined;
}

export interface Triage {
  readonly id: string;
  readonly callId: string;
  readonly municipality: string;
  readonly status: TriageStatus;
  readonly origin?: TriageOrigin | undefined;
  /** When the call came in: the 24 hours run from here. */
  readonly receivedAt: string;
  readonly openedAt?: string | undefined;
  /** When an unacknowledged triage goes to the manager: the municipality's settings when the call came in. */
  readonly acknowledgeMinutes?: AcknowledgeMinutes | undefined;
  readonly answeredBy?: string | undefined;
  readonly answeredRole?: ChainRole | undefined;
  /** Who an unacknowledged triage goes to; from the schedule when the call came in. */
  readonly managerId?: string | undefined;
  /** The caller's number, sealed (bound to this triage's id): never in clear at rest. */
  readonly callerSealed?: string | undefined;
  readonly subjectRef?: string | undefined;
  /** The person's identity number, sealed, once the financial-assistance step recorded it. */
  readonly subjectSealed?: string | undefined;
  readonly deadline: { readonly dueAt: string; readonly state: DeadlineState };
  readonly steps: Steps;
  readonly acknowledged?: { readonly at: string; readonly by: string } | undefined;
  readonly escalated?: Escalation | undefined;
  readonly completedAt?: string | undefined;
  /** Bumped by every change; a write holds only if nobody else changed it since it was read. */
  readonly version: number;
  /** Retention (gallring), epoch seconds. */
  readonly expiresAt: number;
}

const PENDING: StepState = { status: "pending" };

export const ALL_PENDING: Steps = {
  "threat-assessment": PENDING,
  "protective-placement": PENDING,
  decision: PENDING,
  "financial-assistance": PENDING,
};

export const pendingSteps = (steps: Readonly<Record<TriageStep, { readonly status: StepStatus }>>) =>
  TRIAGE_STEPS.filter((step) => steps[step].status === "pending");

/** The triage with `patch` applied, as its next version. */
export const changed = (current: Triage, patch: Partial<Triage>): Triage => ({
  ...current,
  ...patch,
  version: current.version + 1,
});
