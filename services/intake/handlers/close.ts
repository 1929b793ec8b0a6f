import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { closeByStaff } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { closeRoute } from "../routes/referral/close";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(closeRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await closeByStaff(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
