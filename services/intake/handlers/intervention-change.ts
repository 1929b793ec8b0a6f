import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { changeInterventionStep } from "../app/interventions";
import { createDeps, type IntakeDeps } from "../deps";
import { changeInterventionRoute } from "../routes/intervention/change";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(changeInterventionRoute, deps.logger, async ({ body, params, caller, correlationId }) =>
    json(
      200,
      await changeInterventionStep(deps, params.id, params.interventionId, body, { caller, correlationId }),
    ),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
