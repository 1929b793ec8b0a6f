import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type IntakeDeps } from "../deps";
import { sweepDeadlines } from "../sweep";

export const createHandler = (deps: IntakeDeps) => async (_event: unknown, _context: unknown) =>
  sweepDeadlines(deps);

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
