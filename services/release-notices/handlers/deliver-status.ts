import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { statusDeliveryOn } from "../app/deliver-status";
import { createDeps, type ReleaseNoticesDeps } from "../deps";

export const createHandler = (deps: ReleaseNoticesDeps) => statusDeliveryOn(deps);

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
