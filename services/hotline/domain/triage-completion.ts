import { type Decision, DomainError, fail, ok } from "../../../shared/domain/errors";
import { triageBreached } from "./breach-draft";
import { type EventDraft, triageCompleted } from "./event-drafts";
import { hoursBetween } from "./triage-clock";
import { changed, pendingSteps, type Triage, type TriageStep } from "./triage-state";
import { activeOnly, type TriageChange } from "./triage-work";

/*
 * Apart from the rest of the staff's work (triage-work.ts): completing is the one change that
 * emits events, and only the complete function should build their contracts as it loads.
 */

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
