import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { getIntervention } from "../app/intervention-reads";
import { createDeps, type IntakeDeps } from "../deps";
import { getInterventionRoute } from "../routes/intervention/get";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(getInterventionRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await getIntervention(deps, params.id, params.interventionId, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
