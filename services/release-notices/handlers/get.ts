import { hasAnyScope, requireScope } from "../../../shared/domain/caller";
import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { SCOPES } from "../contract";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { ReleaseNotices } from "../notices";
import { routes } from "../service";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const notices = new ReleaseNotices(deps);
  return createHttpHandler(routes.get, deps.logger, async ({ params, caller, correlationId }) => {
    // Staff (read scope with a municipality) see the notice; Kriminalvården sees its status.
    const asStaff = hasAnyScope(caller, [SCOPES.read]) && caller.municipality !== undefined;
    if (!asStaff) requireScope(caller, SCOPES.write);
    return json(200, await notices.get(params.noticeId, { caller, correlationId }, asStaff));
  });
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
