import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listInterventions } from "../app/intervention-reads";
import { createDeps, type IntakeDeps } from "../deps";
import { listInterventionsRoute } from "../routes/intervention/list";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(listInterventionsRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await listInterventions(deps, params.id, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
