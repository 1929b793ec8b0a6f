import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { CallHandling } from "../app/call-handling";
import { createDeps, type HotlineDeps } from "../deps";
import { hangupRoute } from "../routes/hangup";
import { withWebhookAuth } from "../webhook";

export const createHandler = (deps: HotlineDeps) => {
  const calls = new CallHandling(deps);
  return withWebhookAuth(
    deps,
    createHttpHandler(hangupRoute, deps.logger, async ({ params, query, body, correlationId }) => {
      const { callId } = deps.telephony.parseHangup(body);
      const action = await calls.hangup(params.municipality, callId, query.token, correlationId);
      return json(200, deps.telephony.render(action));
    }),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
