import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { metricsCatalogue } from "../app/catalogue";
import { createDeps, type PilotReportsDeps } from "../deps";
import { routes } from "../service";

export const createHandler = (deps: PilotReportsDeps) => {
  const catalogue = metricsCatalogue(deps.suppressionThreshold);
  return createHttpHandler(routes.metrics, deps.logger, async () => json(200, catalogue));
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
