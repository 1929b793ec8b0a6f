import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { FunctionDefinition } from "../../shared/service";

/**
 * Esbuild's ESM output has no `require`; bundled CommonJS dependencies that require Node's
 * built-ins need one.
 */
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * The SDK's default credential chain, replaced by the links a Lambda function can use (the reasons
 * are in shared/runtime/lambda-credentials.ts): 113 KiB less in every bundle. The path is relative
 * to the repository root, where both the CDK and the tests run esbuild.
 */
export const CREDENTIAL_CHAIN_ALIAS = {
  "@aws-sdk/credential-provider-node": "./shared/runtime/lambda-credentials.ts",
} as const;

/**
 * Node's web streams, which @middy/core imports at its top for the streamed responses no function
 * uses, replaced by a class that asks the global `ReadableStream` when it is used (the reasons are in
 * shared/runtime/lazy-web-streams.ts): about 1 ms of CPU less on every cold start.
 */
export const WEB_STREAMS_ALIAS = { "node:stream/web": "./shared/runtime/lazy-web-streams.ts" } as const;

/** Every module bundling replaces: the CDK's `--alias` arguments and the tests' esbuild `alias`. */
export const BUNDLE_ALIASES = { ...CREDENTIAL_CHAIN_ALIAS, ...WEB_STREAMS_ALIAS } as const;

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
  esbuildArgs: { "--alias": Object.entries(BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
} as const satisfies BundlingOptions;

/** The one package a function that reads no secret never imports (shared/runtime/secrets.ts). */
export const SECRETS_MANAGER_CLIENT = "@aws-sdk/client-secrets-manager";

/**
 * Whether a function reads a secret from Secrets Manager: the identity keys, or the telephony secret
 * (every webhook, and what sends through the provider). Infra grants the secret and sets its ARN on
 * exactly these (service-functions.ts); the key ring and the telephony secret fetch only when their
 * ARN is set, so no other function ever reaches the client's import.
 */
export const readsSecrets = (def: FunctionDefinition): boolean =>
  def.usesIdentityKeys === true || readsTelephonySecret(def);

/** Every telephony webhook (its credentials), and what sends through the provider (its account). */
export const readsTelephonySecret = (def: FunctionDefinition): boolean =>
  (def.kind === "http" && def.route.auth.type === "webhook") || def.usesTelephonyProvider === true;

/**
 * A function's bundling: PROJECT_BUNDLING, and for a function that reads no secret the Secrets
 * Manager client left out (29 KiB it would compile on every cold start and never run). Its dynamic
 * import stays in the bundle unreached; were it reached, Node would look for the package beside the
 * bundle, and fail, rather than the function run an SDK version the tests did not.
 */
export const bundlingFor = (secrets: boolean) => ({
  ...PROJECT_BUNDLING,
  mainFields: [...PROJECT_BUNDLING.mainFields],
  externalModules: secrets ? [] : [SECRETS_MANAGER_CLIENT],
});

/**
 * No function runs with Node's `--enable-source-maps`: Node would read and parse the bundle's
 * source map as the bundle loads, 10-12 ms of CPU on every cold start here, 15% of a function's
 * load. The map is still written beside the bundle (`sourceMap` above), and a logged error's stack
 * is mapped through it when it is logged (shared/runtime/stack-trace.ts).
 */
