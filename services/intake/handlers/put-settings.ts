import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { changeSettings } from "../app/settings-admin";
import { createDeps, type IntakeDeps } from "../deps";
import { putSettingsRoute } from "../routes/settings";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(putSettingsRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await changeSettings(deps, params.code, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
