import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { Calls } from "../calls";
import { createDeps, type HotlineDeps } from "../deps";
import { routes } from "../service";
import { withWebhookAuth } from "../webhook";

export const createHandler = (deps: HotlineDeps) => {
  const calls = new Calls(deps);
  return withWebhookAuth(
    deps,
    createHttpHandler(routes.incoming, deps.logger, async ({ params, body, correlationId }) => {
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
