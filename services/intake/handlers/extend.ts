import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { extendDeadlineStep } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { extendRoute } from "../routes/referral/extend";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(extendRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await extendDeadlineStep(deps, params.id, params.type, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
