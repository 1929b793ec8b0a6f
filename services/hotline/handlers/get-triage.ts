import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { TriageHandling } from "../app/triage-handling";
import { createDeps, type HotlineDeps } from "../deps";
import { getTriageRoute } from "../routes/triages";

export const createHandler = (deps: HotlineDeps) => {
  const triages = new TriageHandling(deps);
  return createHttpHandler(getTriageRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await triages.get(params.id, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
