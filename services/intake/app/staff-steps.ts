/** What staff record on a referral: the assessments, the decision, the conversation, the close. */
import type { CLOSE_REASONS } from "../../../shared/events/catalogue/intake";
import { stockholmDate } from "../../../shared/time";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { recordConversation, recordDecision, recordProtectionAssessment } from "../domain/assessment";
import { closeReferral } from "../domain/closing";
import { type ExtendableType, extendDeadline } from "../domain/extension";
import { targetPolicyOf } from "../domain/targets";
import { markViolenceConcern } from "../domain/violence";
import type { RequestContext } from "./context";
import { changeReferral } from "./referral-changes";
import { sealNote } from "./sealing";

export const recordProtectionAssessmentStep = async (
  deps: IntakeDeps,
  id: string,
  body: { immediateProtectionNeeded: boolean; note?: string | undefined },
  context: RequestContext,
): Promise<ReferralView> => {
  const noteSealed = sealNote(await deps.keys.get(), id, body.note);
  return changeReferral(deps, id, context, (current, now) =>
    recordProtectionAssessment(
      current,
      { immediateProtectionNeeded: body.immediateProtectionNeeded, ...(noteSealed ? { noteSealed } : {}) },
      context.caller.subject,
      now,
    ),
  );
};

export const recordDecisionStep = async (
  deps: IntakeDeps,
  id: string,
  body: { openInvestigation: boolean; reason: string },
  context: RequestContext,
): Promise<ReferralView> => {
  const reasonSealed = sealNote(await deps.keys.get(), id, body.reason) ?? "";
  return changeReferral(deps, id, context, async (current, now) =>
    recordDecision(
      current,
      { openInvestigation: body.openInvestigation, reasonSealed },
      context.caller.subject,
      now,
      // The municipality's own target for an adult's investigation, in its settings on the day it opens.
      targetPolicyOf(await deps.settings.settingsOn(current.municipality, stockholmDate(now))),
    ),
  );
};

export const recordConversationStep = async (
  deps: IntakeDeps,
  id: string,
  body: { note?: string | undefined },
  context: RequestContext,
): Promise<ReferralView> => {
  const noteSealed = sealNote(await deps.keys.get(), id, body.note);
  return changeReferral(deps, id, context, (current, now) =>
    recordConversation(current, noteSealed ? { noteSealed } : {}, context.caller.subject, now),
  );
};

export const closeByStaff = async (
  deps: IntakeDeps,
  id: string,
  body: { reason: Exclude<(typeof CLOSE_REASONS)[number], "withdrawn">; note?: string | undefined },
  context: RequestContext,
): Promise<ReferralView> => {
  const noteSealed = sealNote(await deps.keys.get(), id, body.note);
  return changeReferral(deps, id, context, (current, now) =>
    closeReferral(
      current,
      { reason: body.reason, ...(noteSealed ? { noteSealed } : {}) },
      context.caller.subject,
      now,
    ),
  );
};

/** A lawful extension of the förhandsbedömning or a child's investigation; the reason is sealed. */
export const extendDeadlineStep = async (
  deps: IntakeDeps,
  id: string,
  type: ExtendableType,
  body: { reason: string; until: string },
  context: RequestContext,
): Promise<ReferralView> => {
  const reasonSealed = sealNote(await deps.keys.get(), id, body.reason) ?? "";
  return changeReferral(deps, id, context, (current, now) =>
    extendDeadline(current, { type, until: body.until, reasonSealed }, context.caller.subject, now),
  );
};

/** Staff mark (or clear) suspected violence against the child by someone close. */
export const markViolenceConcernStep = (
  deps: IntakeDeps,
  id: string,
  body: { suspected: boolean },
  context: RequestContext,
): Promise<ReferralView> =>
  changeReferral(deps, id, context, (current, now) =>
    markViolenceConcern(current, body.suspected, context.caller.subject, now),
  );
