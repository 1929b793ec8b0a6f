import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { updateNotice } from "../app/change-notice";
import { appDepsOf } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { updateRoute } from "../routes/update";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return createHttpHandler(updateRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await updateNotice(app, params.noticeId, body, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
