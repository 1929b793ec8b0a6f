import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { readSubscription, subscriptionDepsOf } from "../app/subscriptions";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { getSubscriptionRoute } from "../routes/subscription-get";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const subscriptions = subscriptionDepsOf(deps);
  return createHttpHandler(getSubscriptionRoute, deps.logger, async ({ caller, correlationId }) =>
    json(200, await readSubscription(subscriptions, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
