import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { CallHandling } from "../app/call-handling";
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

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
