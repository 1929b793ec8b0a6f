import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listTasksForStaff } from "../app/tasks";
import { createDeps, type IntakeDeps } from "../deps";
import { taskRoutes as routes } from "../routes/tasks";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(routes.listTasks, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await listTasksForStaff(deps, query, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
