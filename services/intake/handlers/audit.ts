import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { auditTrailFor } from "../app/audit-trail";
import { createDeps, type IntakeDeps } from "../deps";
import { auditRoute } from "../routes/referral/audit";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(auditRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await auditTrailFor(deps, query, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
