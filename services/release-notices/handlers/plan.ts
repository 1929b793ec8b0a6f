import { createHttpHandler, json } from "../../../shared/http/edge";
import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { recordMilestone } from "../app/record-milestone";
import { appDepsOf } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { planRoute } from "../routes/plan";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return createHttpHandler(planRoute, deps.logger, async ({ params, body, caller, correlationId }) =>
    json(
      200,
      await recordMilestone(app, params.noticeId, body.milestone, body.note, { caller, correlationId }),
    ),
  );
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
