import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { metricsCatalogueSchema } from "../contract-metrics";
import { SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const metricsRoute = {
  method: "GET",
  path: "/v1/reports/pilot/metrics",
  auth: { type: "jwt", scopes: [SCOPES.read] },
  summary: "The metrics catalogue: what each figure counts, from which event, in which month",
  tags,
  request: {},
  responses: {
    200: { description: "The catalogue", schema: metricsCatalogueSchema },
    ...problems(401, 403),
  },
} as const satisfies HttpRoute;
