/** A new referral, from a report or another service's event, ready to commit. */
import type { Envelope } from "../../../shared/events/envelope";
import { type IdentityNumber, subjectRef } from "../../../shared/identity";
import { newId } from "../../../shared/ids";
import type { IntakeDeps } from "../deps";
import { type NewReferral, placeReferral, receiveReferral } from "../domain/receipt";
import type { Referral } from "../domain/referral";
import { readOpenCase } from "../store/reads";
import type { IdempotencyClaim, PreparedWrite } from "../store/transaction";
import type { Actor } from "./context";
import { prepareTransition } from "./referral-changes";
import { sealIdentity, sealNote } from "./sealing";

/** What a referral is received with: the person's number in clear (sealed here) and the summary as typed. */
export type Receipt = Omit<NewReferral, "id" | "subjectRef" | "subjectSealed" | "summarySealed"> & {
  readonly identity: IdentityNumber;
  readonly summary?: string;
};

/**
 * Routes the referral, reads the person's open case in that unit (by the keyed hash of their
 * number), and lets the domain receive it: linked to that case, or opening its own.
 */
export const prepareReceipt = async (
  deps: IntakeDeps,
  receipt: Receipt,
  actor: Actor,
  now: Date,
  idempotency?: IdempotencyClaim,
): Promise<{ referral: Referral; write: PreparedWrite; events: Envelope[] }> => {
  const keys = await deps.keys.get();
  const id = newId(now.getTime());
  const { identity, summary, ...rest } = receipt;
  const placement = placeReferral({ ...rest, identity });
  const ref = subjectRef(identity, keys.linkingKey);
  const open = await readOpenCase(deps, receipt.municipality, placement.unit, ref);
  const summarySealed = sealNote(keys, id, summary);
  const transition = receiveReferral(
    {
      ...rest,
      id,
      subjectRef: ref,
      subjectSealed: sealIdentity(keys, identity.canonical),
      ...(summarySealed ? { summarySealed } : {}),
    },
    placement,
    open,
    actor.actor,
    now,
  );
  const prepared = prepareTransition(deps, transition, {
    correlationId: actor.correlationId,
    now,
    ...(idempotency ? { idempotency } : {}),
  });
  return { referral: transition.referral, ...prepared };
};
