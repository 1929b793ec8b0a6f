import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../shared/service";
import { metricsRoute } from "./routes/metrics";
import { reportRoute } from "./routes/report";
import { submissionHistoryRoute } from "./routes/submission-history";
import { submissionsRoute } from "./routes/submissions";
import { submitRoute } from "./routes/submit";

const dir = "services/pilot-reports/handlers";

/**
 * The service's routes, for the functions below, the OpenAPI document and the stacks. Each route
 * is a module of its own (routes/), which its handler imports, not this table: a function's
 * bundle then builds only its own route's schemas as it loads.
 */
export const routes = {
  report: reportRoute,
  metrics: metricsRoute,
  submit: submitRoute,
  submissions: submissionsRoute,
  submissionHistory: submissionHistoryRoute,
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
