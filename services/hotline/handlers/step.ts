import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { TriageHandling } from "../app/triage-handling";
import { createDeps, type HotlineDeps } from "../deps";
import { stepRoute } from "../routes/step";

export const createHandler = (deps: HotlineDeps) => {
  const triages = new TriageHandling(deps);
  return createHttpHandler(stepRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await triages.recordStep(params.id, params.step, body, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
