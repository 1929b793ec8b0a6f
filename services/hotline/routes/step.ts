import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { SCOPES } from "../contract-scopes";
import { stepBodySchema, stepParamsSchema } from "../contract-step";
import { triageViewSchema } from "../contract-triage";
import { THROTTLE } from "./throttles";

/**
 * Recording a triage's step: the one route that builds the step body's schemas.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const stepRoute = {
  method: "PUT",
  path: "/v1/hotline/triages/{id}/steps/{step}",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "Record a step: done, or not needed with a reason",
  description:
    "The financial-assistance step, when done, carries the person's `personalIdentityNumber`; it is stored sealed and travels sealed to intake when the triage is completed.",
  tags,
  request: { params: stepParamsSchema, body: stepBodySchema },
  responses: {
    200: { description: "The triage", schema: triageViewSchema },
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
  throttle: THROTTLE.staffWrite,
} as const satisfies HttpRoute;
