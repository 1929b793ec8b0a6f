import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type HotlineDeps } from "../deps";
import { sweepTriages } from "../sweep";

export const createHandler = (deps: HotlineDeps) => async (_event: unknown, _context: unknown) =>
  sweepTriages(deps);

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("hotline"))));
