import {
  conflict,
  type Decision,
  DomainError,
  fail,
  invalid,
  notFound,
  ok,
} from "../../../shared/domain/errors";
import { type IdentityNumber, parseIdentityNumber } from "../../../shared/identity/personnummer";
import { type EventDraft, triageBreached, triageCompleted } from "./event-drafts";
import { hoursBetween } from "./triage-clock";
import {
  changed,
  pendingSteps,
  type StepState,
  type StepStatus,
  type Triage,
  type TriageStep,
} from "./triage-state";

/**
 * The on-call staff's work on a triage, pure: each step done, or not needed with a reason; the
 * financial-assistance step done names the person; acknowledging stops the escalation; completing
 * needs every step settled and tells whether the 24 hours held. Local agreement, not law: the four
 * steps and the 24 hours are the hotline's agreed way of working.
 */

export type TriageChange =
  | { readonly kind: "unchanged" }
  | { readonly kind: "changed"; readonly triage: Triage; readonly events: readonly EventDraft[] };

const NOT_FOUND = "No triage with this id";

/** Another municipality's triage does not exist, as far as its staff can tell. */
export const visibleTriage = (triage: Triage | undefined, municipality: string): Decision<Triage> =>
  triage && triage.municipality === municipality ? ok(triage) : fail(triageNotFound());

/** The one answer for a triage that is not there or not the caller's: they cannot tell which. */
export const triageNotFound = () => notFound(NOT_FOUND);

const activeOnly = (triage: Triage): DomainError | undefined => {
  if (triage.status === "completed") return conflict("The triage is completed", "triage-completed");
  if (triage.status === "ringing") return conflict("The call is still ringing", "call-ringing");
  return undefined;
};

const invalidField = (path: string, message: string) =>
  invalid("Some fields are not valid", [{ path, message }]);

export interface StepInput {
  readonly status: StepStatus;
  readonly reason?: string | undefined;
  readonly personalIdentityNumber?: string | undefined;
}

/**
 * Whether `input` may be recorded on the step of this triage now; the identity it records, parsed.
 * A step not needed says why; only the financial-assistance step done names the person.
 */
export const checkStep = (
  triage: Triage,
  step: TriageStep,
  input: StepInput,
  now: Date,
): Decision<{ readonly identity: IdentityNumber | undefined }> => {
  const inactive = activeOnly(triage);
  if (inactive) return fail(inactive);
  const recordsIdentity = step === "financial-assistance" && input.status === "done";
  if (input.personalIdentityNumber !== undefined && !recordsIdentity) {
    return fail(
      invalidField("personalIdentityNumber", "is recorded only with the financial-assistance step done"),
    );
  }
  if (recordsIdentity && input.personalIdentityNumber === undefined) {
    return fail(
      invalidField("personalIdentityNumber", "is required when the financial-assistance step is done"),
    );
  }
  if (input.status === "not-needed" && !input.reason) {
    return fail(invalidField("reason", "is required when the step is not needed"));
  }
  if (input.status !== "not-needed" && input.reason !== undefined) {
    return fail(invalidField("reason", "is given only when the step is not needed"));
  }
  if (input.personalIdentityNumber === undefined) return ok({ identity: undefined });
  const identity = parseIdentityNumber(input.personalIdentityNumber, now);
  return identity
    ? ok({ identity })
    : fail(invalidField("personalIdentityNumber", "is not a valid personnummer or samordningsnummer"));
};

/** A step as recorded: its texts and the person already sealed by the application layer. */
export interface RecordedStep {
  readonly status: StepStatus;
  readonly noteSealed?: string | undefined;
  readonly reasonSealed?: string | undefined;
  readonly subject?: { readonly subjectRef: string; readonly subjectSealed: string } | undefined;
}

/** The triage with the step recorded (after checkStep allowed it), by `actor` at `now`. */
export const withStep = (
  triage: Triage,
  step: TriageStep,
  recorded: RecordedStep,
  actor: string,
  now: Date,
): Triage => {
  const state: StepState = {
    status: recorded.status,
    ...(recorded.noteSealed ? { noteSealed: recorded.noteSealed } : {}),
    ...(recorded.reasonSealed ? { reasonSealed: recorded.reasonSealed } : {}),
    at: now.toISOString(),
    by: actor,
  };
  return changed(triage, { ...(recorded.subject ?? {}), steps: { ...triage.steps, [step]: state } });
};

/** Taking the triage: the manager is no longer escalated to. Taking it twice is taking it once. */
export const acknowledge = (triage: Triage, actor: string, now: Date): Decision<TriageChange> => {
  const inactive = activeOnly(triage);
  if (inactive) return fail(inactive);
  if (triage.acknowledged) return ok({ kind: "unchanged" });
  return ok({
    kind: "changed",
    triage: changed(triage, { acknowledged: { at: now.toISOString(), by: actor } }),
    events: [],
  });
};

/**
 * Completing: every step done or not needed. Within the 24 hours the deadline is met; after them
 * it is breached, and if the sweep had not yet said so, the breach is emitted here (it will not be
 * by the sweep any more). Completing twice is completing once.
 */
export const complete = (triage: Triage, now: Date): Decision<TriageChange> => {
  if (triage.status === "completed") return ok({ kind: "unchanged" });
  const inactive = activeOnly(triage);
  if (inactive) return fail(inactive);
  const pending = pendingSteps(triage.steps);
  if (pending.length > 0) {
    return fail(
      new DomainError("conflict", "Each step must be done or marked not needed (with a reason) first", {
        fields: pending.map((step) => ({ path: `steps.${step}`, message: "is pending" })),
        code: "steps-pending",
      }),
    );
  }
  const withinDeadline = now.getTime() <= Date.parse(triage.deadline.dueAt);
  const events: EventDraft[] = [];
  if (!withinDeadline && triage.deadline.state === "open") events.push(triageBreached(triage, now));
  const settled = (step: TriageStep) => {
    const status = triage.steps[step].status;
    if (status === "pending") throw new Error("a pending step survived the check");
    return status;
  };
  events.push(
    triageCompleted({
      triageId: triage.id,
      callId: triage.callId,
      origin: triage.origin ?? "answered",
      receivedAt: triage.receivedAt,
      completedAt: now.toISOString(),
      dueAt: triage.deadline.dueAt,
      withinDeadline,
      hoursToComplete: hoursBetween(triage.receivedAt, now),
      steps: {
        "threat-assessment": settled("threat-assessment"),
        "protective-placement": settled("protective-placement"),
        decision: settled("decision"),
        "financial-assistance": settled("financial-assistance"),
      },
      ...(triage.subjectRef && triage.subjectSealed
        ? { subject: { subjectRef: triage.subjectRef, subjectSealed: triage.subjectSealed } }
        : {}),
    }),
  );
  const next = changed(triage, {
    status: "completed",
    completedAt: now.toISOString(),
    deadline: {
      ...triage.deadline,
      state: triage.deadline.state === "breached" || !withinDeadline ? "breached" : "met",
    },
  });
  return ok({ kind: "changed", triage: next, events });
};
