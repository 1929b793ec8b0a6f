/** The one way a decided transition is written, and the read → decide → commit loop staff requests run. */
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import { type Decision, orThrow } from "../../../shared/domain/errors";
import type { Envelope } from "../../../shared/events/envelope";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { type Referral, type Transition, visibleTo } from "../domain/referral";
import { readReferral } from "../store/reads";
import { commitWrite, type IdempotencyClaim, type PreparedWrite, prepareWrite } from "../store/transaction";
import type { RequestContext } from "./context";
import { toEnvelopes } from "./envelopes";
import { toView } from "./views";

/** A transition as transaction items and enveloped events, ready to commit (or to hand to the consumer). */
export const prepareTransition = (
  deps: Pick<IntakeDeps, "tableName" | "auditTableName">,
  transition: Transition,
  on: { readonly correlationId: string; readonly now: Date; readonly idempotency?: IdempotencyClaim },
): { write: PreparedWrite; events: Envelope[] } => ({
  write: prepareWrite(deps, transition, on),
  events: toEnvelopes(transition.events, {
    municipality: transition.referral.municipality,
    correlationId: on.correlationId,
    now: on.now,
  }),
});

export const commitTransition = async (
  deps: IntakeDeps,
  transition: Transition,
  on: { readonly correlationId: string; readonly now: Date },
): Promise<void> => {
  const { write, events } = prepareTransition(deps, transition, on);
  await commitWrite(deps.publisher, write, events);
};

/** The referral for the municipality's staff: 403 without a municipality, 404 if it is not theirs. */
export const readForStaff = async (deps: IntakeDeps, id: string, caller: Caller): Promise<Referral> => {
  requireStaffMunicipality(caller);
  return orThrow(visibleTo(await readReferral(deps, id), caller));
};

/**
 * A staff request that changes a referral: read it, let the domain decide, commit. If another
 * request changed the referral meanwhile, read and decide again (the domain may now refuse, e.g.
 * "already recorded"); after three lost races the caller gets a 409 to try again. A decision that
 * changes nothing (undefined) writes nothing.
 */
export const changeReferral = (
  deps: IntakeDeps,
  id: string,
  context: RequestContext,
  decide: (
    current: Referral,
    now: Date,
  ) => Decision<Transition | undefined> | Promise<Decision<Transition | undefined>>,
): Promise<ReferralView> =>
  retryOnLostRace("referral", async () => {
    const now = deps.clock.now();
    const current = await readForStaff(deps, id, context.caller);
    const transition = orThrow(await decide(current, now));
    if (!transition) return toView(current, now);
    await commitTransition(deps, transition, { correlationId: context.correlationId, now });
    return toView(transition.referral, now);
  });
