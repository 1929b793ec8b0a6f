import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { unitCaseworkers } from "../app/caseworkers";
import { createDeps, type IntakeDeps } from "../deps";
import { listCaseworkersRoute } from "../routes/caseworkers";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(listCaseworkersRoute, deps.logger, async ({ params, caller }) =>
    json(200, await unitCaseworkers(deps, params.unit, caller)),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
