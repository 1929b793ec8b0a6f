import type { HttpRoute } from "../../../shared/service";
import { changeInterventionRoute } from "./intervention/change";
import { decideInterventionRoute } from "./intervention/decide";
import { getInterventionRoute } from "./intervention/get";
import { listInterventionsRoute } from "./intervention/list";

/**
 * The interventions decided for a referral's person. Part of the service's route table
 * (service.ts). Each route is a module of its own (routes/intervention/), which its handler
 * imports, so that a function that reads interventions builds neither request body.
 */
export const interventionRoutes = {
  decideIntervention: decideInterventionRoute,
  changeIntervention: changeInterventionRoute,
  listInterventions: listInterventionsRoute,
  getIntervention: getInterventionRoute,
} as const satisfies Record<string, HttpRoute>;
