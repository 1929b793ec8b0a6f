import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { readSettingsHistoryView } from "../app/settings-admin";
import { createDeps, type IntakeDeps } from "../deps";
import { settingsHistoryRoute } from "../routes/settings";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(settingsHistoryRoute, deps.logger, async ({ params, caller, correlationId }) =>
    json(200, await readSettingsHistoryView(deps, params.code, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
