import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { listNotices } from "../app/read-notices";
import { appDepsOf } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { listRoute } from "../routes/list";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return createHttpHandler(listRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await listNotices(app, query, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
