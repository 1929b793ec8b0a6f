import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listTasksForStaff } from "../app/tasks";
import { createDeps, type IntakeDeps } from "../deps";
import { listTasksRoute } from "../routes/tasks";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(listTasksRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await listTasksForStaff(deps, query, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
