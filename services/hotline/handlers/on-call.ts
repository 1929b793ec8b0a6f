import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type HotlineDeps } from "../deps";
import { Schedules } from "../schedules";
import { routes } from "../service";

export const createHandler = (deps: HotlineDeps) => {
  const schedules = new Schedules(deps);
  return createHttpHandler(routes.onCall, deps.logger, async ({ query, caller, correlationId }) =>
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
