import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { readSettings } from "../app/settings-admin";
import { createDeps, type IntakeDeps } from "../deps";
import { getSettingsRoute } from "../routes/settings";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(getSettingsRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await readSettings(deps, params.code, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
