import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { sweepDeadlines } from "../app/sweep-deadlines";
import { createDeps, type IntakeDeps } from "../deps";

export const createHandler = (deps: IntakeDeps) => async (_event: unknown, _context: unknown) =>
  sweepDeadlines(deps);

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
