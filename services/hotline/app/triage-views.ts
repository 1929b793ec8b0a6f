import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { TriageView } from "../contract-triage";
import { effectiveDeadlineState, minutesLeft } from "../domain/triage-clock";
import type { Triage, TriageStep } from "../domain/triage-state";
import { unsealCaller, unsealIdentity, unsealStepTexts } from "./sealing";

const stepView = (triage: Triage, step: TriageStep, keys: KeyMaterial) => {
  const state = triage.steps[step];
  return {
    status: state.status,
    ...unsealStepTexts(triage, step, keys),
    ...(state.at ? { at: state.at } : {}),
    ...(state.by ? { by: state.by } : {}),
  };
};

/** A triage in a list: its clock and steps (notes opened for staff), nothing of the caller. */
export const toSummary = (triage: Triage, keys: KeyMaterial, now: Date) => ({
  id: triage.id,
  callId: triage.callId,
  municipality: triage.municipality,
  status: triage.status,
  receivedAt: triage.receivedAt,
  answeredBy: triage.answeredBy ?? null,
  answeredRole: triage.answeredRole ?? null,
  deadline: {
    dueAt: triage.deadline.dueAt,
    state: effectiveDeadlineState(triage, now),
    minutesLeft: minutesLeft(triage.deadline.dueAt, now),
  },
  steps: {
    "threat-assessment": stepView(triage, "threat-assessment", keys),
    "protective-placement": stepView(triage, "protective-placement", keys),
    decision: stepView(triage, "decision", keys),
    "financial-assistance": stepView(triage, "financial-assistance", keys),
  },
  acknowledged: triage.acknowledged ?? null,
  // The send's bookkeeping (claims, attempts) is the sweep's business, not the staff's.
  escalated: triage.escalated
    ? { at: triage.escalated.at, to: triage.escalated.to, notifiedAt: triage.escalated.notifiedAt ?? null }
    : null,
  completedAt: triage.completedAt ?? null,
});

/** The whole triage, with the caller's number and the person: for the municipality's on-call staff. */
export const toView = (triage: Triage, keys: KeyMaterial, now: Date): TriageView => {
  const person = unsealIdentity(triage, keys);
  return {
    ...toSummary(triage, keys, now),
    caller: { phone: unsealCaller(triage, keys) },
    person: person === null ? null : { personalIdentityNumber: person },
  };
};
