import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createStatusDelivery } from "../app/deliver-status";
import { createDeps, type ReleaseNoticesDeps } from "../deps";
import { subscriptionTable } from "../store/subscription-table";

export const createHandler = (deps: ReleaseNoticesDeps) =>
  createStatusDelivery({ ...deps, subscriptions: subscriptionTable(deps) });

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("release-notices"))));
