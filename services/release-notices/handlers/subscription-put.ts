import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { putSubscription, subscriptionDepsOf } from "../app/subscriptions";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { putSubscriptionRoute } from "../routes/subscription-put";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const subscriptions = subscriptionDepsOf(deps);
  return createHttpHandler(putSubscriptionRoute, deps.logger, async ({ body, caller, correlationId }) =>
    json(200, await putSubscription(subscriptions, body, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
