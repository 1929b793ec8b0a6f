import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "aws-lambda";
import type { RuntimeConfig } from "../../shared/runtime/config";
import type { FunctionDefinition, ServiceDefinition } from "../../shared/service";
import { LOCAL_REGION } from "./aws";
import type { LocalLogger } from "./log";

type UnknownFunction = (...args: unknown[]) => unknown;
const isFunction = (value: unknown): value is UnknownFunction => typeof value === "function";
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

export type InvokeResult =
  | { readonly ok: true; readonly value: unknown; readonly ms: number }
  | { readonly ok: false; readonly error: unknown; readonly timedOut: boolean; readonly ms: number };

export interface LoadedFunction<F extends FunctionDefinition = FunctionDefinition> {
  readonly service: ServiceDefinition["name"];
  readonly definition: F;
  /** Runs the handler once with a fresh Lambda context, bounded by the function's timeout. Never throws. */
  invoke(event: unknown): Promise<InvokeResult>;
}

export type HttpFunction = LoadedFunction<Extract<FunctionDefinition, { kind: "http" }>>;
export type QueueFunction = LoadedFunction<Extract<FunctionDefinition, { kind: "queue" }>>;
export type ScheduleFunction = LoadedFunction<Extract<FunctionDefinition, { kind: "schedule" }>>;

export interface SkippedFunction {
  readonly service: ServiceDefinition["name"];
  /** The function's id, or the service's name when its deps module is what failed. */
  readonly id: string;
  readonly module: string;
  readonly reason: "missing" | "failed";
}

/** Lambda's default; the project's construct may set more, and a definition can say so itself. */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** API Gateway gives up on an integration after 30 s, whatever the function's own timeout. */
const HTTP_INTEGRATION_TIMEOUT_SECONDS = 30;

export const timeoutSecondsOf = (definition: FunctionDefinition): number => {
  const own = definition.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  return definition.kind === "http" ? Math.min(own, HTTP_INTEGRATION_TIMEOUT_SECONDS) : own;
};

export const lambdaContext = (definition: FunctionDefinition, deadline: number): Context => {
  const logStream = `local/[$LATEST]${randomUUID().replace(/-/g, "")}`;
  const unsupported = (): void => {
    throw new Error("The callback-style context methods are not supported; return a promise");
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: definition.id,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${definition.id}`,
    memoryLimitInMB: String(definition.memoryMb ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${definition.id}`,
    logStreamName: logStream,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};

const invoker =
  (definition: FunctionDefinition, handler: UnknownFunction) =>
  async (event: unknown): Promise<InvokeResult> => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const timeoutMs = timeoutSecondsOf(definition) * 1000;
    const context = lambdaContext(definition, Date.now() + timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((r) => {
      timer = setTimeout(() => r("timeout"), timeoutMs);
    });
    try {
      // Unlike Lambda, a timed-out handler is not frozen: it runs on, but its result is ignored.
      const outcome = await Promise.race([
        Promise.resolve(handler(event, context)).then((value) => ({ value })),
        timedOut,
      ]);
      if (outcome === "timeout") {
        return { ok: false, error: new Error(`Timed out after ${timeoutMs} ms`), timedOut: true, ms: ms() };
      }
      return { ok: true, value: outcome.value, ms: ms() };
    } catch (error) {
      return { ok: false, error, timedOut: false, ms: ms() };
    } finally {
      clearTimeout(timer);
    }
  };

const importModule = async (root: string, path: string): Promise<Record<string, unknown> | "missing"> => {
  const file = resolve(root, path);
  if (!existsSync(file)) return "missing";
  const module: unknown = await import(pathToFileURL(file).href);
  if (!isRecord(module)) throw new Error(`${path} is not a module`);
  return module;
};

export interface LoadServicesOptions {
  /** Module paths in the definitions are relative to it. */
  readonly root: string;
  readonly runtimeFor: (service: ServiceDefinition["name"]) => RuntimeConfig;
  readonly logger: LocalLogger;
}

export interface LoadedServices {
  readonly functions: readonly LoadedFunction[];
  readonly skipped: readonly SkippedFunction[];
}

/**
 * Imports each service's deps module and each function's module, as a Lambda container would on a
 * cold start. A missing module is skipped with a warning (a service under construction must not
 * keep the rest from running); one that fails to load or to build its handler is skipped with the error.
 */
export const loadServices = async (
  services: readonly ServiceDefinition[],
  options: LoadServicesOptions,
): Promise<LoadedServices> => {
  const functions: LoadedFunction[] = [];
  const skipped: SkippedFunction[] = [];
  const skip = (entry: SkippedFunction, error?: unknown): void => {
    skipped.push(entry);
    if (entry.reason === "missing")
      options.logger.warn(`${entry.id}: ${entry.module} does not exist yet; skipped`);
    else options.logger.error(`${entry.id}: ${entry.module} failed to load; skipped`, error);
  };

  for (const service of services) {
    let deps: unknown;
    try {
      const module = await importModule(options.root, service.depsEntry);
      if (module === "missing") {
        for (const fn of service.functions) {
          skipped.push({ service: service.name, id: fn.id, module: service.depsEntry, reason: "missing" });
        }
        options.logger.warn(
          `${service.name}: ${service.depsEntry} does not exist yet; its functions are skipped`,
        );
        continue;
      }
      const createDeps = module.createDeps;
      if (!isFunction(createDeps))
        throw new Error(`${service.depsEntry} does not export createDeps(runtime)`);
      deps = await createDeps(options.runtimeFor(service.name));
    } catch (error) {
      for (const fn of service.functions) {
        skipped.push({ service: service.name, id: fn.id, module: service.depsEntry, reason: "failed" });
      }
      options.logger.error(`${service.name}: ${service.depsEntry} failed; its functions are skipped`, error);
      continue;
    }

    for (const definition of service.functions) {
      try {
        const module = await importModule(options.root, definition.entry);
        if (module === "missing") {
          skip({ service: service.name, id: definition.id, module: definition.entry, reason: "missing" });
          continue;
        }
        const createHandler = module.createHandler;
        if (!isFunction(createHandler))
          throw new Error(`${definition.entry} does not export createHandler(deps)`);
        const handler = await createHandler(deps);
        if (!isFunction(handler))
          throw new Error(`createHandler in ${definition.entry} did not return a function`);
        functions.push({ service: service.name, definition, invoke: invoker(definition, handler) });
      } catch (error) {
        skip({ service: service.name, id: definition.id, module: definition.entry, reason: "failed" }, error);
      }
    }
  }
  return { functions, skipped };
};
