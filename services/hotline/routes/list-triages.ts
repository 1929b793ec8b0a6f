import { problemResponses } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { SCOPES } from "../contract-scopes";
import { listTriagesQuerySchema, triageListSchema } from "../contract-triage-list";
import { THROTTLE } from "./throttles";

/**
 * Listing the municipality's triages: the one route that builds the list's query and page schemas.
 * A route's answers are built on first read (OpenAPI, the tests' contract check): the edge
 * never reads them, so a function does not build them as it loads.
 */

const problems = problemResponses;
const tags = ["hotline"];

export const listTriagesRoute = {
  method: "GET",
  path: "/v1/hotline/triages",
  auth: { type: "jwt", scopes: [SCOPES.handle] },
  summary: "The municipality's triages in one status, oldest call first",
  tags,
  request: { query: listTriagesQuerySchema },
  responses: {
    200: { description: "A page of triages (no caller data)", schema: triageListSchema },
    ...problems(400, 401, 403),
  },
  throttle: THROTTLE.staffRead,
} as const satisfies HttpRoute;
