import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { recordConversationStep } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { conversationRoute } from "../routes/referral/conversation";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(conversationRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await recordConversationStep(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
