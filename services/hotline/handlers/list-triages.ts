import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { TriageHandling } from "../app/triage-handling";
import { createDeps, type HotlineDeps } from "../deps";
import { listTriagesRoute } from "../routes/list-triages";

export const createHandler = (deps: HotlineDeps) => {
  const triages = new TriageHandling(deps);
  return createHttpHandler(listTriagesRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await triages.list(query, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
