import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createReleaseNotices } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { routes } from "../service";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const notices = createReleaseNotices(deps);
  return createHttpHandler(routes.getSubscription, deps.logger, async ({ caller, correlationId }) =>
    json(200, await notices.subscription({ caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
