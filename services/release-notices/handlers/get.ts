import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { readNotice } from "../app/read-notices";
import { appDepsOf } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { getRoute } from "../routes/get";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return createHttpHandler(getRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await readNotice(app, params.noticeId, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
