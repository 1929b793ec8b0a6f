import { builtOnFirstUse } from "../lazy";

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
