import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";

/**
 * Esbuild's ESM output has no `require`; bundled CommonJS dependencies that require Node's
 * built-ins need one.
 */
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * How every function is bundled (ProjectFunction's NodejsFunction). Kept apart so that the cold-start
 * bench (test/bench/cold-build.ts) bundles with exactly these options, not a copy of them.
 */
export const PROJECT_BUNDLING = {
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings, not the sources; leaving them out halves the asset.
  sourcesContent: false,
  target: "node22",
  format: OutputFormat.ESM,
  mainFields: ["module", "main"],
  banner: ESM_REQUIRE_SHIM,
  // The SDK is bundled rather than taken from the runtime: it loads faster minified into one
  // file (TOOLCHAIN.md) and runs the version the lockfile pins and the tests ran.
  externalModules: [],
} as const satisfies BundlingOptions;

/**
 * Every function's NODE_OPTIONS (ProjectFunction), and the cold-start bench's: stack traces in the
 * logs point at our sources. Its price is at load: Node reads and parses the bundle's source map
 * (about 1 MB) as the bundle loads, some 15-20 ms of CPU per cold start here (npm run bench -- cold
 * measures it, since its processes run with these options).
 */
export const FUNCTION_NODE_OPTIONS = "--enable-source-maps";
