/** POST /v1/referrals/{id}/identify: staff give the number of a person the report could not name by one. */
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { invalid, orThrow } from "../../../shared/domain/errors";
import { parseIdentityNumber, subjectRef } from "../../../shared/identity";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { identifyReferral } from "../domain/identification";
import { readOpenCase } from "../store/open-cases";
import { commitWrite, conflictingParts } from "../store/transaction";
import type { RequestContext } from "./context";
import { prepareTransition, readForStaff } from "./referral-changes";
import { sealIdentity } from "./sealing";
import { toView } from "./views";

/** How many times the person's open case is read again after a concurrent referral took it. */
const OPEN_CASE_RETRIES = 3;

/**
 * Computes the linking hash and links the referral to the person's open referral in its unit, or
 * makes it that open referral; audited. A lost race on the referral reads and decides again; one
 * on the open-case row (another referral for the person at the same moment) does too.
 */
export const identifyPerson = (
  deps: IntakeDeps,
  id: string,
  body: { personalIdentityNumber: string },
  context: RequestContext,
): Promise<ReferralView> =>
  retryOnLostRace("referral", async () => {
    for (let attempt = 0; ; attempt++) {
      const now = deps.clock.now();
      const current = await readForStaff(deps, id, context.caller);
      const identity = parseIdentityNumber(body.personalIdentityNumber, now);
      if (!identity) {
        throw invalid("Some fields are not valid", [
          { path: "personalIdentityNumber", message: "is not a valid personnummer or samordningsnummer" },
        ]);
      }
      const keys = await deps.keys.get();
      const ref = subjectRef(identity, keys.linkingKey);
      const open = await readOpenCase(deps, current.municipality, current.unit, ref);
      const transition = orThrow(
        identifyReferral(
          current,
          {
            subjectRef: ref,
            subjectSealed: sealIdentity(keys, identity.canonical),
            birthDate: identity.birthDate,
          },
          open,
          context.caller.subject,
          now,
        ),
      );
      const { write, events } = prepareTransition(deps, transition, {
        correlationId: context.correlationId,
        now,
      });
      try {
        await commitWrite(deps.publisher, write, events);
        return toView(transition.referral, now);
      } catch (error) {
        const failed = conflictingParts(error, write);
        if (failed?.includes("open-case") && !failed.includes("referral") && attempt < OPEN_CASE_RETRIES)
          continue;
        throw error;
      }
    }
  });
