import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listForStaff } from "../app/list-referrals";
import { createDeps, type IntakeDeps } from "../deps";
import { listRoute } from "../routes/referral/list";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(listRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await listForStaff(deps, query, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
