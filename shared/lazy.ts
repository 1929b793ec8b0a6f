/**
 * A value built on its first use and kept for the container's life: the schemas a function may
 * never use (a record it does not read, the settings, the envelope of events it neither emits nor
 * consumes) are not built as its bundle loads (test/bench/module-time.ts), and the handler is built
 * on its first call (runtime/lambda.ts).
 */
export const builtOnFirstUse = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
};
