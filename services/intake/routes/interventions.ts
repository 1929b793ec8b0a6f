import type { HttpRoute } from "../../../shared/service";
import { referralParamsSchema } from "../contract";
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
 * Part of the service's route table (service.ts) and apart from it, so that a function loads its
 * own area's routes and schemas, not the whole contract.
 */
export const interventionRoutes = {
  decideIntervention: {
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
  },
  changeIntervention: {
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
  },
  listInterventions: {
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
  },
  getIntervention: {
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
  },
} as const satisfies Record<string, HttpRoute>;
