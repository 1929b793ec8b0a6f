/**
 * Builds a handler on first use and keeps it for the container's life. Importing a handler module
 * then costs nothing and reads no environment, so the local runtime and tests can import it and
 * call `createHandler` with their own dependencies.
 */
export const lazyHandler = <E, C, R>(build: () => (event: E, context: C) => Promise<R>) => {
  let built: ((event: E, context: C) => Promise<R>) | undefined;
  return (event: E, context: C): Promise<R> => {
    built ??= build();
    return built(event, context);
  };
};
