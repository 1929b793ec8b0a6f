import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { ScheduleAdmin } from "../app/schedule-admin";
import { createDeps, type HotlineDeps } from "../deps";
import { gapsRoute } from "../routes/gaps";

export const createHandler = (deps: HotlineDeps) => {
  const schedules = new ScheduleAdmin(deps);
  return createHttpHandler(gapsRoute, deps.logger, async ({ params, query, caller, correlationId }) =>
    json(200, await schedules.gaps(params.municipality, query.days, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
