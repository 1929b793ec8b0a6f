import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { identifyPerson } from "../app/identify";
import { createDeps, type IntakeDeps } from "../deps";
import { identifyRoute } from "../routes/referral/identify";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(identifyRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await identifyPerson(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
