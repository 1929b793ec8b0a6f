import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { sweepTriages } from "../app/sweep";
import { createDeps, type HotlineDeps } from "../deps";

export const createHandler = (deps: HotlineDeps) => async (_event: unknown, _context: unknown) =>
  sweepTriages(deps);

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
