import { builtOnFirstUse } from "../lazy";
import { describeError, type Logger } from "../logger";
import { initialisedForProvisionedConcurrency } from "./initialization";
import { monotonicMs } from "./monotonic";

/**
 * Builds a handler on first use and keeps it for the container's life. Importing a handler module
 * then costs nothing and reads no environment, so the local runtime and tests can import it and
 * call `createHandler` with their own dependencies.
 */
export const lazyHandler = <E, C, R>(build: () => (event: E, context: C) => Promise<R>) => {
  const built = builtOnFirstUse(build);
  return (event: E, context: C): Promise<R> => built()(event, context);
};

/**
 * The time budget of a sweep from its Lambda context (`getRemainingTimeInMillis`), as an option to
 * spread into the sweep's options; nothing when the caller (a test, the local runtime) has none.
 */
export const remainingTimeOf = (context: unknown): { remainingMs?: () => number } => {
  const get = (context as { getRemainingTimeInMillis?: unknown } | null | undefined)
    ?.getRemainingTimeInMillis;
  return typeof get === "function" ? { remainingMs: () => Number(get.call(context)) } : {};
};

/**
 * A handler whose dependencies are built, and warmed up, while Lambda initialises an environment for
 * provisioned concurrency: ahead of any request, so the first caller it serves does not wait for the
 * secrets, the first connections and the SDK's first requests (the webhooks a caller listens on; see
 * docs/operations.md). Lambda awaits an ES module's top level, and so this, before it counts the
 * environment ready (AWS Compute Blog, "Using Node.js ES modules and top-level await in AWS Lambda",
 * January 2022); work left pending instead would be frozen with the environment until a call came.
 * The warm-up is bounded by the clients' timeouts (client-options.ts), well inside what Lambda allows
 * such an initialisation (the 10 s limit of an on-demand one does not apply; 130 s or the function's
 * timeout: Lambda Developer Guide, "Understanding the Lambda execution environment lifecycle").
 * An on-demand initialisation is on a caller's clock either way: there the handler is built on its
 * first call, as lazyHandler's are, and nothing is fetched that the call may not need. A warm-up
 * that fails is logged and changes nothing: the first call does what it left undone.
 */
export const warmedHandler = async <D extends { readonly logger: Logger }, E, C, R>(
  buildDeps: () => D,
  create: (deps: D) => (event: E, context: C) => Promise<R>,
  warmUp: (deps: D) => Promise<unknown>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<(event: E, context: C) => Promise<R>> => {
  const deps = builtOnFirstUse(buildDeps);
  const built = builtOnFirstUse(() => create(deps()));
  if (initialisedForProvisionedConcurrency(env)) {
    const started = monotonicMs();
    try {
      built();
      await warmUp(deps());
      deps().logger.info("warmed up for provisioned concurrency", {
        ms: Math.round(monotonicMs() - started),
      });
    } catch (error) {
      // Building the dependencies themselves may be what failed: then there is no logger to ask.
      const line = {
        message: "warm-up failed: the first call does what it left",
        error: describeError(error),
      };
      try {
        deps().logger.warn(line.message, { error: line.error });
      } catch {
        process.stderr.write(`${JSON.stringify({ level: "WARN", ...line })}\n`);
      }
    }
  }
  return (event: E, context: C): Promise<R> => built()(event, context);
};
