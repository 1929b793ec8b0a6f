import { problemResponses } from "../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import {
  CSV_BODY_CONTENT_TYPE,
  CSV_CONTENT_TYPE,
  CSV_MEDIA_TYPE,
  metricsCatalogueSchema,
  reportQuerySchema,
  reportSchema,
  SCOPES,
  submissionBodySchema,
  submissionHistorySchema,
  submissionListQuerySchema,
  submissionListSchema,
  submissionParamsSchema,
  submissionSchema,
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
        alternativeContentTypes: [CSV_MEDIA_TYPE],
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
  submit: {
    method: "PUT",
    path: "/v1/reports/pilot/submissions/{municipality}/{month}",
    auth: { type: "jwt", scopes: [SCOPES.submit] },
    summary: "A municipality's own figures for a month, from its own case system",
    description: `For municipalities that keep their cases in another case system: their figures for a month, which the report then shows as \`submitted\` instead of the system's own. JSON as below, or the same as ${CSV_BODY_CONTENT_TYPE} (RFC 4180): a header \`metric,value\`, one row per metric, and the rows \`source,<case system or method>\` and (optionally) \`note,<text>\`. A later PUT for the month replaces the earlier one; both stay in the history. 201 for the month's first, 200 for a replacement (the same figures, source and note again change nothing). 400 names each bad row; a month in the future or more than 36 months back is 422. Only the municipality's own token (\`municipality\` claim) may submit.`,
    tags,
    request: { params: submissionParamsSchema, body: submissionBodySchema },
    responses: {
      200: { description: "The submission that replaced the month's earlier one", schema: submissionSchema },
      201: { description: "The month's first submission", schema: submissionSchema },
      ...problems(400, 401, 403, 413, 415, 422),
    },
  },
  submissions: {
    method: "GET",
    path: "/v1/reports/pilot/submissions",
    auth: { type: "jwt", scopes: [SCOPES.read, SCOPES.submit] },
    summary: "What municipalities submitted: the current submission of each month",
    description:
      "`municipality`, `from` and `to` as for the report. A municipal token lists its own municipality only; `reports:read` without a municipality claim (Socialstyrelsen) any.",
    tags,
    request: { query: submissionListQuerySchema },
    responses: {
      200: { description: "The submissions, by municipality and month", schema: submissionListSchema },
      ...problems(400, 401, 403),
    },
  },
  submissionHistory: {
    method: "GET",
    path: "/v1/reports/pilot/submissions/{municipality}/{month}/history",
    auth: { type: "jwt", scopes: [SCOPES.read, SCOPES.submit] },
    summary: "Every submission for a municipality's month, with who submitted it and when",
    tags,
    request: { params: submissionParamsSchema },
    responses: {
      200: { description: "Every version, oldest first", schema: submissionHistorySchema },
      ...problems(400, 401, 403, 404),
    },
  },
} as const satisfies Record<string, HttpRoute>;

const functions: FunctionDefinition[] = [
  { kind: "http", id: "pilot-reports-report", entry: `${dir}/report.ts`, route: routes.report },
  { kind: "http", id: "pilot-reports-metrics", entry: `${dir}/catalogue.ts`, route: routes.metrics },
  { kind: "http", id: "pilot-reports-submit", entry: `${dir}/submit.ts`, route: routes.submit },
  {
    kind: "http",
    id: "pilot-reports-submissions",
    entry: `${dir}/list-submissions.ts`,
    route: routes.submissions,
  },
  {
    kind: "http",
    id: "pilot-reports-submission-history",
    entry: `${dir}/submission-history.ts`,
    route: routes.submissionHistory,
  },
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
