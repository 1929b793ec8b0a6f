import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { decideInterventionStep } from "../app/interventions";
import { createDeps, type IntakeDeps } from "../deps";
import { decideInterventionRoute } from "../routes/intervention/decide";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(decideInterventionRoute, deps.logger, async ({ body, params, caller, correlationId }) =>
    json(201, await decideInterventionStep(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
