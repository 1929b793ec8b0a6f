/** A unit's caseworkers, and assigning a referral to one of them. */
import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import type { ReferralView } from "../contract-view";
import type { IntakeDeps } from "../deps";
import { assignCaseworker } from "../domain/caseload";
import type { Unit } from "../domain/routing";
import { listCaseworkers, putCaseworker, readCaseworker } from "../store/caseworkers";
import type { RequestContext } from "./context";
import { changeReferral } from "./referral-changes";
import { caseworkerView } from "./views";

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

export const registerCaseworker = async (
  deps: IntakeDeps,
  unit: Unit,
  caseworkerId: string,
  body: { name: string; capacity: number },
  caller: Caller,
) => {
  const municipality = requireStaffMunicipality(caller);
  return caseworkerView(await putCaseworker(deps, { municipality, unit, caseworkerId, ...body }));
};

export const unitCaseworkers = async (deps: IntakeDeps, unit: Unit, caller: Caller) => {
  const municipality = requireStaffMunicipality(caller);
  return { items: (await listCaseworkers(deps, municipality, unit)).map(caseworkerView) };
};
