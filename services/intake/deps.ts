import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";

export type IntakeDeps = ServiceDeps;

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig): IntakeDeps => createServiceDeps("intake", runtime);
