import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { assignReferral } from "../app/assignment";
import { createDeps, type IntakeDeps } from "../deps";
import { assignRoute } from "../routes/referral/assign";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(assignRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await assignReferral(deps, params.id, body.caseworkerId, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
