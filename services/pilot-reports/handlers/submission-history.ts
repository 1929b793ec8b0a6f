import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { submissionHistory } from "../app/submissions";
import { createDeps, type PilotReportsDeps } from "../deps";
import { submissionHistoryRoute } from "../routes/submission-history";

export const createHandler = (deps: PilotReportsDeps) =>
  createHttpHandler(submissionHistoryRoute, deps.logger, async ({ params, caller }) =>
    json(200, await submissionHistory(deps, caller, params.municipality, params.month)),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
