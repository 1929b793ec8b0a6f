import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { ScheduleAdmin } from "../app/schedule-admin";
import { createDeps, type HotlineDeps } from "../deps";
import { onCallRoute } from "../routes/on-call";

export const createHandler = (deps: HotlineDeps) => {
  const schedules = new ScheduleAdmin(deps);
  return createHttpHandler(onCallRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(
      200,
      await schedules.onCall(query.municipality, query.at ? new Date(query.at) : undefined, {
        caller,
        correlationId,
      }),
    ),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
