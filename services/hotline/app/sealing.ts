import { TRIAGE_STEPS } from "../../../shared/events/catalogue/hotline";
import { currentSealingKey, type IdentityNumber, seal, subjectRef, unseal } from "../../../shared/identity";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { StepState, Triage, TriageStep } from "../domain/triage-state";

/**
 * What a triage holds about people is sealed (AES-256-GCM) before it is stored and opened only for
 * the municipality's staff: the caller's number, what staff wrote in a step, the person's identity.
 * The caller's number and the step texts are bound to their triage by associated data, so a sealed
 * value copied onto another triage (or another step, or from reason to note) does not open.
 */

/** Unchanged since the first triage: numbers sealed then must still open. */
const callerAad = (triageId: string): string => `hotline-caller:${triageId}`;

type StepText = "note" | "reason";
const stepTextAad = (triageId: string, step: TriageStep, text: StepText): string =>
  `hotline-step-${text}:${triageId}:${step}`;

export const sealCaller = (phone: string, keys: KeyMaterial, triageId: string): string =>
  seal(phone, currentSealingKey(keys), callerAad(triageId));

export const unsealCaller = (triage: Triage, keys: KeyMaterial): string | null =>
  triage.callerSealed ? unseal(triage.callerSealed, keys.sealingKeys, callerAad(triage.id)) : null;

export const sealStepText = (
  text: string,
  keys: KeyMaterial,
  where: { readonly triageId: string; readonly step: TriageStep; readonly text: StepText },
): string => seal(text, currentSealingKey(keys), stepTextAad(where.triageId, where.step, where.text));

/** A step's note and reason for staff to read: opened, or as written before they were sealed. */
export const unsealStepTexts = (
  triage: Triage,
  step: TriageStep,
  keys: KeyMaterial,
): { note?: string; reason?: string } => {
  const state = triage.steps[step];
  const open = (sealed: string | undefined, text: StepText) =>
    sealed === undefined ? undefined : unseal(sealed, keys.sealingKeys, stepTextAad(triage.id, step, text));
  const note = open(state.noteSealed, "note") ?? state.note;
  const reason = open(state.reasonSealed, "reason") ?? state.reason;
  return { ...(note !== undefined ? { note } : {}), ...(reason !== undefined ? { reason } : {}) };
};

/**
 * The person's link reference (a keyed hash: the same person gives the same reference) and their
 * identity sealed for intake, which opens it without associated data.
 */
export const protectIdentity = (identity: IdentityNumber, keys: KeyMaterial) => ({
  subjectRef: subjectRef(identity, keys.linkingKey),
  subjectSealed: seal(identity.canonical, currentSealingKey(keys)),
});

export const unsealIdentity = (triage: Triage, keys: KeyMaterial): string | null =>
  triage.subjectSealed ? unseal(triage.subjectSealed, keys.sealingKeys) : null;

/**
 * The triage with any note or reason written in clear before they were sealed (issue 13) sealed
 * now: applied to every change staff make, so such triages leave the table's clear text behind.
 */
export const sealLegacyStepTexts = (triage: Triage, keys: KeyMaterial): Triage => {
  const inClear = (s: StepState) => s.note !== undefined || s.reason !== undefined;
  if (!TRIAGE_STEPS.some((step) => inClear(triage.steps[step]))) return triage;
  const sealStep = (step: TriageStep): StepState => {
    const { note, reason, ...rest } = triage.steps[step];
    const where = { triageId: triage.id, step };
    return {
      ...rest,
      ...(note !== undefined && rest.noteSealed === undefined
        ? { noteSealed: sealStepText(note, keys, { ...where, text: "note" }) }
        : {}),
      ...(reason !== undefined && rest.reasonSealed === undefined
        ? { reasonSealed: sealStepText(reason, keys, { ...where, text: "reason" }) }
        : {}),
    };
  };
  return {
    ...triage,
    steps: {
      "threat-assessment": sealStep("threat-assessment"),
      "protective-placement": sealStep("protective-placement"),
      decision: sealStep("decision"),
      "financial-assistance": sealStep("financial-assistance"),
    },
  };
};
