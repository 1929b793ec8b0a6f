import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createReleaseNotices } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { routes } from "../service";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const notices = createReleaseNotices(deps);
  return createHttpHandler(routes.create, deps.logger, async ({ body, caller, correlationId }) => {
    const { created, receipt } = await notices.receive(body, { caller, correlationId });
    return json(created ? 201 : 200, receipt, {
      location: `/v1/release-notices/${encodeURIComponent(receipt.noticeId)}`,
    });
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
