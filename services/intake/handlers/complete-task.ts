import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { completeTask } from "../app/tasks";
import { createDeps, type IntakeDeps } from "../deps";
import { completeTaskRoute } from "../routes/tasks";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(completeTaskRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await completeTask(deps, params.id, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
