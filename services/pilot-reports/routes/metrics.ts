import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { metricsCatalogueSchemaOf } from "../contract-metrics";
import { SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const metricsRoute = {
  method: "GET",
  path: "/v1/reports/pilot/metrics",
  auth: { type: "jwt", scopes: [SCOPES.read] },
  summary: "The metrics catalogue: what each figure counts, from which event, in which month",
  tags,
  request: {},
  // Documentation only, so built when the document is, not as the function loads (contract-metrics.ts).
  get responses() {
    return {
      200: { description: "The catalogue", schema: metricsCatalogueSchemaOf() },
      ...problems(401, 403),
    };
  },
} as const satisfies HttpRoute;
