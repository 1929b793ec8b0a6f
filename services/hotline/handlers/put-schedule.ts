import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { ScheduleAdmin } from "../app/schedule-admin";
import { createDeps, type HotlineDeps } from "../deps";
import { putScheduleRoute } from "../routes/put-schedule";

export const createHandler = (deps: HotlineDeps) => {
  const schedules = new ScheduleAdmin(deps);
  return createHttpHandler(putScheduleRoute, deps.logger, async ({ params, body, caller, correlationId }) => {
    const { created, view } = await schedules.put(params.municipality, body, { caller, correlationId });
    return json(created ? 201 : 200, view);
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
