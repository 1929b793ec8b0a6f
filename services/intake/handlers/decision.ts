import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { recordDecisionStep } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { decisionRoute } from "../routes/referral/decision";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(decisionRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await recordDecisionStep(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
