import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { gapsQuerySchema, gapsViewSchema } from "../contract-gaps";
import { municipalityParamsSchema } from "../contract-municipality";
import { SCOPES } from "../contract-scopes";
import { THROTTLE } from "./throttles";

/**
 * The schedule's gaps in the coming days. A route's answers are built on first read (OpenAPI, the
 * tests' contract check): the edge never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const gapsRoute = {
  method: "GET",
  path: "/v1/hotline/schedules/{municipality}/gaps",
  auth: { type: "jwt", scopes: [SCOPES.admin, SCOPES.handle] },
  summary: "Stretches in the coming days with nobody on call, or someone on call without a phone",
  tags,
  request: { params: municipalityParamsSchema, query: gapsQuerySchema },
  responses: {
    200: { description: "The gaps", schema: gapsViewSchema },
    ...problems(400, 401, 403, 404),
  },
  throttle: THROTTLE.scheduleRead,
} as const satisfies HttpRoute;
