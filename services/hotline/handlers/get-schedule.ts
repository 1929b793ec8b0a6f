import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { ScheduleAdmin } from "../app/schedule-admin";
import { createDeps, type HotlineDeps } from "../deps";
import { getScheduleRoute } from "../routes/schedule";

export const createHandler = (deps: HotlineDeps) => {
  const schedules = new ScheduleAdmin(deps);
  return createHttpHandler(getScheduleRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await schedules.get(params.municipality, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
