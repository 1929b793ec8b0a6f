import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { getReferral } from "../app/read-referrals";
import { createDeps, type IntakeDeps } from "../deps";
import { getRoute } from "../routes/referral/get";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(getRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await getReferral(deps, params.id, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
