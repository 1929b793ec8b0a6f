/**
 * A value built on its first use and kept: for schemas a function's load should not build, such as
 * the answers' schemas (read by OpenAPI and the tests, never by the edge) and the rarely used ones.
 */
export const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};
