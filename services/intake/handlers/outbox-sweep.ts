import { runtimeConfigFromEnv } from "../../../shared/runtime/config";
import { lazyHandler } from "../../../shared/runtime/lambda";
import { createDeps, type IntakeDeps } from "../deps";

/** Delivers events whose immediate send failed or was cut short by a crash. */
export const createHandler = (deps: IntakeDeps) => async (_event: unknown, _context: unknown) =>
  deps.publisher.sweep();

export const handler = lazyHandler(() => createHandler(createDeps(runtimeConfigFromEnv("intake"))));
