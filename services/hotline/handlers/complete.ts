import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { TriageCompletion } from "../app/triage-completion";
import { createDeps, type HotlineDeps } from "../deps";
import { completeRoute } from "../routes/triages";

export const createHandler = (deps: HotlineDeps) => {
  const triages = new TriageCompletion(deps);
  return createHttpHandler(completeRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await triages.complete(params.id, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
