import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { deleteSubscription, subscriptionDepsOf } from "../app/subscriptions";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { deleteSubscriptionRoute } from "../routes/subscription-delete";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const subscriptions = subscriptionDepsOf(deps);
  return createHttpHandler(deleteSubscriptionRoute, deps.logger, async ({ caller, correlationId }) => {
    await deleteSubscription(subscriptions, { caller, correlationId });
    return json(204);
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
