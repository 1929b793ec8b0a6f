/**
 * A logged error's stack trace, its bundle positions named in our sources. A deployed function is
 * one minified file (infra/constructs/bundling.ts), so V8 names every frame `index.mjs:1:<column>`;
 * the source map esbuild writes beside it says which file and line that was.
 *
 * Why here and not Node's `--enable-source-maps`, which the functions ran with until 2026-11-30:
 * Node then reads and parses the whole map as the bundle loads, 10-12 ms of CPU on every cold
 * start here (`npm run bench -- cold`, 15% of a function's load), for the rare error whose stack
 * someone reads. This module reads the map at the first error a container logs, and only then.
 * What it leaves out: an error that escapes every handler reaches Lambda's runtime, which logs its
 * minified positions; the edge, the consumers and the sweeps log every error they catch through
 * describeError (shared/logger.ts), and that is where the stacks are mapped.
 */
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface BundleMap {
  readonly file: string;
  readonly map: SourceMap;
}

/** undefined: not looked for yet; null: none (not bundled, or no map beside the bundle). */
let bundleMap: BundleMap | null | undefined;

/**
 * In a bundle this module is part of the bundle, so its own URL is the bundle's. Unbundled (the
 * tests, the local runtime) there is no map beside a TypeScript file, and V8 names the sources.
 */
const loadBundleMap = (): BundleMap | null => {
  try {
    const file = fileURLToPath(import.meta.url);
    return { file, map: new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))) };
  } catch {
    return null;
  }
};

/** A source as the map names it (relative to the bundle's folder at build), from the repository's root. */
const repositoryPath = (source: string): string =>
  /(?:^|\/)((?:services|shared|infra|test|node_modules)\/.*)$/.exec(source)?.[1] ?? source;

/** `file:line:column` in a frame, with or without `file://` (V8 writes the URL for ES modules). */
const FRAME_POSITION = /(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)/g;

export const sourceMappedStack = (stack: string): string => {
  bundleMap ??= loadBundleMap();
  const bundle = bundleMap;
  if (!bundle) return stack;
  return stack.replace(FRAME_POSITION, (position, file: string, line: string, column: string) => {
    if (file !== bundle.file) return position;
    const entry = bundle.map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!("originalSource" in entry)) return position;
    return `${repositoryPath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
};
