import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { registerCaseworker } from "../app/caseworkers";
import { createDeps, type IntakeDeps } from "../deps";
import { putCaseworkerRoute } from "../routes/caseworkers";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(putCaseworkerRoute, deps.logger, async ({ params, body, caller }) =>
    json(200, await registerCaseworker(deps, params.unit, params.caseworkerId, body, caller)),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
