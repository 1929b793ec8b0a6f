import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler, remainingTimeOf } from "../../../shared/runtime/lambda";
import { sweepTriages } from "../app/sweep";
import { createDeps, type HotlineDeps } from "../deps";

export const createHandler = (deps: HotlineDeps) => async (_event: unknown, context: unknown) =>
  sweepTriages(deps, remainingTimeOf(context));

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
