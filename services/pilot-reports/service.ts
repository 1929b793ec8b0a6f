import { problemResponses } from "../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import {
  CSV_CONTENT_TYPE,
  metricsCatalogueSchema,
  reportQuerySchema,
  reportSchema,
  SCOPES,
} from "./contract";

const problems = problemResponses;

const tags = ["pilot-reports"];
const dir = "services/pilot-reports/handlers";

export const routes = {
  report: {
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
      },
      ...problems(400, 401, 403),
    },
  },
  metrics: {
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
  },
} as const satisfies Record<string, HttpRoute>;

/** The CSV variant of the report, for the OpenAPI document's readers. */
export const REPORT_CSV_RESPONSE = {
  description: "The report as CSV",
  contentType: CSV_CONTENT_TYPE,
} as const;

const functions: FunctionDefinition[] = [
  { kind: "http", id: "pilot-reports-report", entry: `${dir}/report.ts`, route: routes.report },
  { kind: "http", id: "pilot-reports-metrics", entry: `${dir}/catalogue.ts`, route: routes.metrics },
  {
    kind: "queue",
    id: "pilot-reports-consumer",
    entry: `${dir}/consumer.ts`,
    queue: "pilot-reports",
    // Most events add to the same few month items; two invocations keep up and rarely collide.
    maxConcurrency: 2,
  },
];

export const pilotReportsService: ServiceDefinition = {
  name: "pilot-reports",
  depsEntry: "services/pilot-reports/deps.ts",
  functions,
  publishes: [],
};
