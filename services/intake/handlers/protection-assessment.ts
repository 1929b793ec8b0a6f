import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type IntakeDeps } from "../deps";
import { Referrals } from "../referrals";
import { routes } from "../service";

export const createHandler = (deps: IntakeDeps) => {
  const referrals = new Referrals(deps);
  return createHttpHandler(
    routes.protectionAssessment,
    deps.logger,
    async ({ params, body, caller, correlationId }) =>
      json(200, await referrals.recordProtectionAssessment(params.id, body, { caller, correlationId })),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
