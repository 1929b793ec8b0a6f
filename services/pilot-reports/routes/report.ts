import { problemResponses as problems } from "../../../shared/http/problem";
import type { HttpRoute } from "../../../shared/service";
import { reportQuerySchema, reportSchema } from "../contract-report";
import { CSV_CONTENT_TYPE, CSV_MEDIA_TYPE, SCOPES } from "../contract-terms";
import { tags } from "./tags";

export const reportRoute = {
  method: "GET",
  path: "/v1/reports/pilot",
  auth: { type: "jwt", scopes: [SCOPES.read] },
  summary: "Monthly figures per municipality, with small cells suppressed",
  description:
    "`municipality` is a kommunkod, a comma list, or `pilot` (Borås, Håbo, Kalmar, Sundsvall, Strängnäs, Uppsala); `from` and `to` are months (YYYY-MM), at most 36 months. Every month appears. Each figure says its `source`: `system` (this system's events, from the municipality's first recorded month through the current one), `submitted` (the municipality's own submission for the month, which wins) or `none` (null, never 0). Counts from 1 to the threshold − 1 are suppressed, and so is any figure from which a suppressed one could be worked out, whatever its source. Rates only from a numerator and denominator of the same source. CSV with `format=csv` or `Accept: text/csv`. Socialstyrelsen's token (no municipality claim) reads any municipality; a municipal token its own only.",
  tags,
  request: { query: reportQuerySchema },
  responses: {
    200: {
      description: `The report as JSON; as ${CSV_CONTENT_TYPE} (header municipality,month,metric,value,suppressed,source,source_name; CRLF) with format=csv or Accept: text/csv`,
      schema: reportSchema,
      alternativeContentTypes: [CSV_MEDIA_TYPE],
    },
    ...problems(400, 401, 403),
  },
} as const satisfies HttpRoute;
