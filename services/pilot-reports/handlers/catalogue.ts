import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { metricsCatalogue } from "../app/catalogue";
import { createDeps, type PilotReportsDeps } from "../deps";
import { metricsRoute } from "../routes/metrics";

export const createHandler = (deps: PilotReportsDeps) => {
  const catalogue = metricsCatalogue(deps.suppressionThreshold);
  return createHttpHandler(metricsRoute, deps.logger, async () => json(200, catalogue));
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
