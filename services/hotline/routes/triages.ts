import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { SCOPES } from "../contract-scopes";
import { triageParamsSchema, triageViewSchema } from "../contract-triage";
import { THROTTLE } from "./throttles";

/**
 * One triage: read, taken, completed. Recording a step (step.ts) and listing (list-triages.ts) are
 * apart, so that these functions do not build the step body's or the list's schemas.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const getTriageRoute = {
  method: "GET",
  path: "/v1/hotline/triages/{id}",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "One triage, with the caller's number (audited)",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404),
  },
  throttle: THROTTLE.staffRead,
} as const satisfies HttpRoute;

export const acknowledgeRoute = {
  method: "POST",
  path: "/v1/hotline/triages/{id}/acknowledge",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Take the triage: it is no longer escalated to the manager",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;

export const completeRoute = {
  method: "POST",
  path: "/v1/hotline/triages/{id}/complete",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Complete the triage once no step is pending",
  tags,
  request: { params: triageParamsSchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;
