/**
 * Staff reading a referral's interventions, their notes opened; every read is audited. Apart from
 * the decisions (interventions.ts), so that these functions load neither the request bodies nor
 * the events' catalogue.
 */
import { orThrow } from "../../../shared/domain/errors";
import { interventionTypeOf } from "../../../shared/interventions";
import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { InterventionView } from "../contract-interventions";
import type { IntakeDeps } from "../deps";
import { findIntervention, type Intervention } from "../domain/intervention-ledger";
import { readInterventions } from "../store/interventions";
import { auditReads } from "../store/transaction";
import type { RequestContext } from "./context";
import { readForStaff } from "./referral-changes";
import { openNote } from "./sealing";

const statusOf = (i: Intervention): InterventionView["status"] =>
  i.endedAt !== undefined ? "ended" : i.startedAt !== undefined ? "started" : "decided";

/** The intervention as staff read it, its sealed text opened (sealed to the referral). */
export const toInterventionView = (
  referralId: string,
  i: Intervention,
  keys: KeyMaterial,
): InterventionView => {
  const description = openNote(keys, referralId, i.descriptionSealed);
  const note = openNote(keys, referralId, i.noteSealed);
  return {
    id: i.id,
    referralId,
    type: i.type,
    provider: interventionTypeOf(i.type).provider,
    status: statusOf(i),
    decidedAt: i.decidedAt,
    ...(i.startedAt !== undefined ? { startedAt: i.startedAt } : {}),
    ...(i.endedAt !== undefined ? { endedAt: i.endedAt } : {}),
    ...(i.outcome !== undefined ? { outcome: i.outcome } : {}),
    ...(i.firstOnReferral ? { firstOnReferral: true as const } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(note !== undefined ? { note } : {}),
    recorded: i.recorded,
    ...(i.startRecorded ? { startRecorded: i.startRecorded } : {}),
    ...(i.endRecorded ? { endRecorded: i.endRecorded } : {}),
  };
};

/** The referral's interventions, oldest first; the read is audited, since it opens notes. */
export const listInterventions = async (
  deps: IntakeDeps,
  referralId: string,
  context: RequestContext,
): Promise<{ items: InterventionView[] }> => {
  const now = deps.clock.now();
  const referral = await readForStaff(deps, referralId, context.caller);
  const ledger = await readInterventions(deps, referral.id);
  const keys = await deps.keys.get();
  await auditReads(
    deps,
    [referral],
    { action: "interventions:list", actor: context.caller.subject, at: now },
    context.correlationId,
  );
  return { items: ledger.interventions.map((i) => toInterventionView(referral.id, i, keys)) };
};

export const getIntervention = async (
  deps: IntakeDeps,
  referralId: string,
  interventionId: string,
  context: RequestContext,
): Promise<InterventionView> => {
  const now = deps.clock.now();
  const referral = await readForStaff(deps, referralId, context.caller);
  const ledger = await readInterventions(deps, referral.id);
  const intervention = orThrow(findIntervention(ledger, interventionId));
  const keys = await deps.keys.get();
  await auditReads(
    deps,
    [referral],
    { action: `intervention:read:${intervention.id}`, actor: context.caller.subject, at: now },
    context.correlationId,
  );
  return toInterventionView(referral.id, intervention, keys);
};
