import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { getIntervention } from "../app/interventions";
import { createDeps, type IntakeDeps } from "../deps";
import { interventionRoutes as routes } from "../routes/interventions";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(routes.getIntervention, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await getIntervention(deps, params.id, params.interventionId, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
