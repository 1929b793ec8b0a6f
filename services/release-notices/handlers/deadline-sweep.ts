import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler, remainingTimeOf } from "../../../shared/runtime/lambda";
import { createReleaseNotices } from "../app/release-notices";
import { createDeps, type ReleaseNoticesDeps } from "../deps";

export const createHandler = (deps: ReleaseNoticesDeps) => {
  const notices = createReleaseNotices(deps);
  return async (_event: unknown, context: unknown) => notices.sweepDeadlines(remainingTimeOf(context));
};

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
