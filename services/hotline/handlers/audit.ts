import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { AuditReading } from "../app/read-audit";
import { createDeps, type HotlineDeps } from "../deps";
import { auditRoutes } from "../routes/audit";

export const createHandler = (deps: HotlineDeps) => {
  const trails = new AuditReading(deps);
  return createHttpHandler(auditRoutes.audit, deps.logger, async ({ query, caller, correlationId }) =>
    json(200, await trails.read(query, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
