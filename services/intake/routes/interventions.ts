import type { HttpRoute } from "../../../shared/service";
import { referralParamsSchema } from "../contract-ids";
import {
  interventionListSchema,
  interventionParamsSchema,
  interventionViewSchema,
  patchInterventionBodySchema,
  postInterventionBodySchema,
} from "../contract-interventions";
import { problems, staffManage, staffRead, tags } from "./common";

/**
 * The interventions decided for a referral's person.
 * Each route is a const of its own, which its handler imports; the table at the end is the area's
 * part of the service's route table (service.ts). The area's routes share most of their schemas, so
 * they share a module (routes/referrals.ts has one per route).
 */
export const decideInterventionRoute = {
  method: "POST",
  path: "/v1/referrals/{id}/interventions",
  auth: staffManage,
  summary: "Record an intervention decided for the referral's person (SIG, FFT, SIP with BUP, …)",
  description:
    "`type` from the catalogue (shared/interventions); `other` needs a `description`. Dates are Swedish calendar dates: `decidedAt` not before the referral was received, `startedAt` not before it, neither in the future (422). The note and description are sealed; the step is audited and emits `intervention.decided` (and `intervention.started` with a start).",
  tags,
  request: { params: referralParamsSchema, body: postInterventionBodySchema },
  responses: {
    201: { description: "Recorded", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const satisfies HttpRoute;

export const changeInterventionRoute = {
  method: "PATCH",
  path: "/v1/referrals/{id}/interventions/{interventionId}",
  auth: staffManage,
  summary: "Record an intervention's start, or its end with the outcome",
  description:
    "`startedAt` not before the decision; `endedAt` with `outcome` (`completed`, `ended-early`, `declined`, `moved`), not before the start; `completed` and `ended-early` need a start. The same step sent again changes nothing; another date for a recorded step is a conflict (409). Audited; emits `intervention.started` or `intervention.ended`.",
  tags,
  request: { params: interventionParamsSchema, body: patchInterventionBodySchema },
  responses: {
    200: { description: "The intervention", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404, 409, 422),
  },
} as const satisfies HttpRoute;

export const listInterventionsRoute = {
  method: "GET",
  path: "/v1/referrals/{id}/interventions",
  auth: staffRead,
  summary: "The referral's interventions, oldest first, with their notes (audited)",
  tags,
  request: { params: referralParamsSchema },
  responses: {
    200: { description: "The interventions", schema: interventionListSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;

export const getInterventionRoute = {
  method: "GET",
  path: "/v1/referrals/{id}/interventions/{interventionId}",
  auth: staffRead,
  summary: "Read one intervention, with its note (audited)",
  tags,
  request: { params: interventionParamsSchema },
  responses: {
    200: { description: "The intervention", schema: interventionViewSchema },
    ...problems(400, 401, 403, 404),
  },
} as const satisfies HttpRoute;

export const interventionRoutes = {
  decideIntervention: decideInterventionRoute,
  changeIntervention: changeInterventionRoute,
  listInterventions: listInterventionsRoute,
  getIntervention: getInterventionRoute,
} as const satisfies Record<string, HttpRoute>;
