import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler, remainingTimeOf } from "../../../shared/runtime/lambda";
import { appDepsOf } from "../app/release-notices";
import { sweepDeadlines } from "../app/sweep-deadlines";
import { createDeps, type ReleaseNoticesDeps } from "../deps";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const app = appDepsOf(deps);
  return async (_event: unknown, context: unknown) => sweepDeadlines(app, remainingTimeOf(context));
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
