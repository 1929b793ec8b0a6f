import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import type { MetricsCatalogue } from "../contract";
import { createDeps, type PilotReportsDeps } from "../deps";
import { EVENTS_NOT_COUNTED, METRICS } from "../metrics";
import { RELATIONS } from "../relations";
import { routes } from "../service";

export const metricsCatalogue = (suppressionThreshold: number): MetricsCatalogue => ({
  suppressionThreshold,
  metrics: METRICS.map((m) => ({ ...m, title: { ...m.title } })),
  relations: RELATIONS.map((r) => ({ ...r, parts: [...r.parts] })),
  eventsNotCounted: { ...EVENTS_NOT_COUNTED },
});

export const createHandler = (deps: PilotReportsDeps) => {
  const catalogue = metricsCatalogue(deps.suppressionThreshold);
  return createHttpHandler(routes.metrics, deps.logger, async () => json(200, catalogue));
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("pilot-reports"))));
