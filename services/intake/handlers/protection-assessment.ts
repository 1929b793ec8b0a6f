import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { recordProtectionAssessmentStep } from "../app/staff-steps";
import { createDeps, type IntakeDeps } from "../deps";
import { protectionAssessmentRoute } from "../routes/referral/protection-assessment";

export const createHandler = (deps: IntakeDeps) =>
  createHttpHandler(protectionAssessmentRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(200, await recordProtectionAssessmentStep(deps, params.id, body, { caller, correlationId })),
  );

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
