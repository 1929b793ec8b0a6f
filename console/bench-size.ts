/**
 * The console's first-load weight: the gzipped size of the scripts a first visit loads before
 * anything is shown (the entry and its static imports), and of the stylesheet. Chunks loaded on
 * demand (the OpenID Connect client) are listed apart. `npm run bench` can call `consoleSize()`;
 * run directly, it prints the figures.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildConsole } from "./build";

/** The budget the issue sets for the initial JavaScript, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

export interface ConsoleSize {
  readonly initialJsGzipBytes: number;
  readonly cssGzipBytes: number;
  readonly onDemandJsGzipBytes: number;
  readonly withinBudget: boolean;
}

const gzipped = (contents: Uint8Array): number => gzipSync(contents, { level: 9 }).length;

export const consoleSize = async (): Promise<ConsoleSize> => {
  const built = await buildConsole();
  const initial = new Set(built.initialScripts);
  let initialJsGzipBytes = 0;
  let cssGzipBytes = 0;
  let onDemandJsGzipBytes = 0;
  for (const [path, file] of built.files) {
    if (path.endsWith(".css")) cssGzipBytes += gzipped(file.contents);
    else if (path.endsWith(".js")) {
      if (initial.has(path)) initialJsGzipBytes += gzipped(file.contents);
      else onDemandJsGzipBytes += gzipped(file.contents);
    }
  }
  return {
    initialJsGzipBytes,
    cssGzipBytes,
    onDemandJsGzipBytes,
    withinBudget: initialJsGzipBytes <= INITIAL_JS_BUDGET_BYTES,
  };
};

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

export const formatConsoleSize = (size: ConsoleSize): string =>
  [
    `console initial JS (gzip): ${kib(size.initialJsGzipBytes)} of a ${kib(INITIAL_JS_BUDGET_BYTES)} budget${size.withinBudget ? "" : "  OVER BUDGET"}`,
    `console CSS (gzip): ${kib(size.cssGzipBytes)}`,
    `console JS loaded on demand (gzip): ${kib(size.onDemandJsGzipBytes)}`,
  ].join("\n");

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatConsoleSize(await consoleSize()));
}
