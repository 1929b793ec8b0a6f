import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createAuditReader } from "../app/read-audit";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { auditRoute } from "../routes/audit";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const trail = createAuditReader(deps);
  return createHttpHandler(auditRoute, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await trail.read(query, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
