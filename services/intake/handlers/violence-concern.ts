import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { markViolenceConcernStep } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { violenceConcernRoute } from "../routes/referral/violence-concern";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(violenceConcernRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await markViolenceConcernStep(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
