/**
 * Recording interventions on a referral: read the referral (the caller's municipality only) and its
 * interventions, let the domain decide, commit the interventions with their audit rows and events
 * in one transaction. A concurrent change to the same referral's interventions is a lost race:
 * read and decide again. Reading them is intervention-reads.ts.
 */
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { orThrow } from "../../../shared/domain/errors";
import { newId } from "../../../shared/ids";
import type { InterventionView } from "../contract-interventions";
import type { IntakeDeps } from "../deps";
import {
  changeIntervention,
  decideIntervention,
  findIntervention,
  type Intervention,
  type InterventionTransition,
} from "../domain/intervention";
import type { Referral } from "../domain/referral";
import type { PatchInterventionBody } from "../routes/intervention/change";
import type { PostInterventionBody } from "../routes/intervention/decide";
import { prepareInterventionWrite, readInterventions } from "../store/interventions";
import type { RequestContext } from "./context";
import { toEnvelopes } from "./envelopes";
import { toInterventionView } from "./intervention-reads";
import { readForStaff } from "./referral-changes";
import { sealNote } from "./sealing";

const commit = async (
  deps: IntakeDeps,
  transition: InterventionTransition,
  on: { readonly correlationId: string; readonly now: Date },
): Promise<void> => {
  const items = prepareInterventionWrite(deps, transition, on);
  const events = toEnvelopes(transition.events, {
    municipality: transition.referral.municipality,
    correlationId: on.correlationId,
    now: on.now,
  });
  await deps.publisher.commit(items, events);
};

/** Read, decide, commit; again on a lost race. `undefined` from the domain writes nothing. */
const change = (
  deps: IntakeDeps,
  referralId: string,
  context: RequestContext,
  decide: (
    referral: Referral,
    ledger: Awaited<ReturnType<typeof readInterventions>>,
    now: Date,
  ) => InterventionTransition | Intervention,
): Promise<Intervention> =>
  retryOnLostRace("intervention", async () => {
    const now = deps.clock.now();
    const referral = await readForStaff(deps, referralId, context.caller);
    const ledger = await readInterventions(deps, referral.id);
    const decided = decide(referral, ledger, now);
    if (!("ledger" in decided)) return decided;
    await commit(deps, decided, { correlationId: context.correlationId, now });
    return decided.intervention;
  });

export const decideInterventionStep = async (
  deps: IntakeDeps,
  referralId: string,
  body: PostInterventionBody,
  context: RequestContext,
): Promise<InterventionView> => {
  const keys = await deps.keys.get();
  const id = newId(deps.clock.now().getTime());
  const descriptionSealed = sealNote(keys, referralId, body.description);
  const noteSealed = sealNote(keys, referralId, body.note);
  const decided = await change(deps, referralId, context, (referral, ledger, now) =>
    orThrow(
      decideIntervention(
        referral,
        ledger,
        {
          id,
          type: body.type,
          decidedAt: body.decidedAt,
          startedAt: body.startedAt,
          descriptionSealed,
          noteSealed,
        },
        context.caller.subject,
        now,
      ),
    ),
  );
  return toInterventionView(referralId, decided, keys);
};

export const changeInterventionStep = async (
  deps: IntakeDeps,
  referralId: string,
  interventionId: string,
  body: PatchInterventionBody,
  context: RequestContext,
): Promise<InterventionView> => {
  const keys = await deps.keys.get();
  const end =
    body.endedAt !== undefined && body.outcome !== undefined
      ? { endedAt: body.endedAt, outcome: body.outcome }
      : undefined;
  const changed = await change(deps, referralId, context, (referral, ledger, now) => {
    const decided = orThrow(
      changeIntervention(
        referral,
        ledger,
        interventionId,
        { startedAt: body.startedAt, end },
        context.caller.subject,
        now,
      ),
    );
    return decided ?? orThrow(findIntervention(ledger, interventionId));
  });
  return toInterventionView(referralId, changed, keys);
};
