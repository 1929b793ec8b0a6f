import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type ReleaseNoticesDeps } from "../deps";

/** Delivers events whose immediate send failed or was cut short by a crash. */
export const createHandler = (deps: ReleaseNoticesDeps) => async (_event: unknown, _context: unknown) =>
  deps.publisher.sweep();

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
