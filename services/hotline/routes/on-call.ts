import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { onCallQuerySchema, onCallViewSchema } from "../contract-on-call";
import { SCOPES } from "../contract-scopes";
import { THROTTLE } from "./throttles";

/**
 * Who is on call; the schedule's gaps are gaps.ts, and neither builds the schedule's body.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const onCallRoute = {
  method: "GET",
  path: "/v1/hotline/on-call",
  auth: { type: "jwt", scopes: [SCOPES.handle, SCOPES.admin] },
  summary: "Who is on call (now, or `at` an instant)",
  tags,
  request: { query: onCallQuerySchema },
  responses: {
    200: { description: "The member on call and the stretch they cover", schema: onCallViewSchema },
    ...problems(400, 401, 403, 404),
  },
  throttle: THROTTLE.scheduleRead,
} as const satisfies HttpRoute;
