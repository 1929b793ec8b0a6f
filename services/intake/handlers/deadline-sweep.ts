import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler, remainingTimeOf } from "../../../shared/runtime/lambda";
import { sweepDeadlines } from "../app/sweep-deadlines";
import { createDeps, type IntakeDeps } from "../deps";

export const createHandler = (deps: IntakeDeps) => async (_event: unknown, context: unknown) =>
  sweepDeadlines(deps, remainingTimeOf(context));

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
