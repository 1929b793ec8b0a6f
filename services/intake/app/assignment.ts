/** Assigning a referral to one of its unit's caseworkers (app/caseworkers.ts: the register). */
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { assignCaseworker } from "../domain/caseload";
import { listCaseworkers, readCaseworker } from "../store/caseworkers";
import type { RequestContext } from "./context";
import { changeReferral } from "./referral-changes";

/** `caseworkerId` names one of the referral's unit; without it the unit's lightest caseload is chosen. */
export const assignReferral = (
  deps: IntakeDeps,
  id: string,
  caseworkerId: string | undefined,
  context: RequestContext,
): Promise<ReferralView> =>
  changeReferral(deps, id, context, async (current, now) => {
    const candidates =
      caseworkerId === undefined
        ? await listCaseworkers(deps, current.municipality, current.unit)
        : [await readCaseworker(deps, current.municipality, current.unit, caseworkerId)].flatMap(
            (c) => c ?? [],
          );
    return assignCaseworker(
      current,
      { ...(caseworkerId === undefined ? {} : { requested: caseworkerId }), candidates },
      context.caller.subject,
      now,
    );
  });
