import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { receiveNotice } from "../app/receive-notice";
import { appDepsOf } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { createRoute } from "../routes/create";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return createHttpHandler(createRoute, deps.logger, async ({ body, caller, correlationId }) => {
    const { created, receipt } = await receiveNotice(app, body, { caller, correlationId });
    return json(created ? 201 : 200, receipt, {
      location: `/v1/release-notices/${encodeURIComponent(receipt.noticeId)}`,
    });
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
