import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listSubmissions } from "../app/submissions";
import { createDeps, type PilotReportsDeps } from "../deps";
import { submissionsRoute } from "../routes/submissions";

export const createHandler = (deps: PilotReportsDeps) =>
  createHttpHandler(submissionsRoute, deps.logger, async ({ query, caller }) =>
    json(200, await listSubmissions(deps, caller, query)),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
