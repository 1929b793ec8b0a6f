import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { unitCaseworkers } from "../app/assignment";
import { createDeps, type IntakeDeps } from "../deps";
import { caseworkerRoutes as routes } from "../routes/caseworkers";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(routes.listCaseworkers, deps.logger, async ({ params, caller }) =>
    json(200, await unitCaseworkers(deps, params.unit, caller)),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
