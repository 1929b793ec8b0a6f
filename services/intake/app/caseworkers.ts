/**
 * A unit's caseworkers: registering one, and the unit's list with their caseloads. Apart from
 * assigning (app/assignment.ts), so that these functions load no referral and build none of its
 * schemas.
 */
import { type Caller, requireStaffMunicipality } from "../../../shared/domain/caller";
import type { IntakeDeps } from "../deps";
import type { Unit } from "../domain/routing";
import { type CaseworkerRecord, listCaseworkers, putCaseworker } from "../store/caseworkers";

const caseworkerView = (record: CaseworkerRecord) => ({
  caseworkerId: record.caseworkerId,
  unit: record.unit,
  name: record.name,
  capacity: record.capacity,
  caseload: record.caseload,
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
