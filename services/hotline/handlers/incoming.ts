import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { warmedHandler } from "../../../shared/runtime/lambda";
import { CallHandling } from "../app/call-handling";
import { warmUpWebhook } from "../app/warm-up";
import { createDeps, type HotlineDeps } from "../deps";
import { incomingRoute } from "../routes/incoming";
import { withWebhookAuth } from "../webhook";

export const createHandler = (deps: HotlineDeps) => {
  const calls = new CallHandling(deps);
  return withWebhookAuth(
    deps,
    createHttpHandler(incomingRoute, deps.logger, async ({ params, body, correlationId }) => {
      const action = await calls.incoming(
        params.municipality,
        deps.telephony.parseIncoming(body),
        correlationId,
      );
      return json(200, deps.telephony.render(action));
    }),
  );
};

/** Warmed up ahead of any call where it runs with provisioned concurrency (app/warm-up.ts). */
export const handler = await warmedHandler(
  () => createDeps(runtimeConfigFromEnv("hotline")),
  createHandler,
  (deps) => warmUpWebhook(deps, { keys: true }),
);
