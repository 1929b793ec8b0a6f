import { join, resolve } from "node:path";
import * as esbuild from "esbuild";
import { bundlingFor, readsSecrets } from "../../infra/constructs/bundling";
import { REPO_ROOT } from "../../infra/local/paths";
import { SERVICE_DEFINITIONS } from "../../infra/services";

export const FLOOR_ID = "(floor)";
const FLOOR_ENTRY = "test/bench/cold-floor.ts";
/** The floor and the fixed stack's libraries (cold-stack.ts): measured as a function, beside the floor. */
export const STACK_ID = "(stack)";

export interface ColdFunction {
  readonly id: string;
  readonly service: string;
  readonly kind: "http" | "queue" | "schedule" | "floor";
  readonly entry: string;
  /** As deployed (infra/constructs/service-functions.ts): which secrets its environment names. */
  readonly secrets: { readonly identityKeys: boolean; readonly telephony: boolean };
  /** Bundled with the Secrets Manager client (bundling.ts readsSecrets). */
  readonly readsSecrets: boolean;
}

/**
 * Every function of SERVICE_DEFINITIONS, the stack's floor, and the floor last; `only` keeps the
 * ids it names (the stack always, as a reference row).
 */
export const coldFunctions = (only?: ReadonlySet<string>): ColdFunction[] => [
  ...SERVICE_DEFINITIONS.flatMap((service) =>
    service.functions.map((f) => ({
      id: f.id,
      service: service.name,
      kind: f.kind,
      entry: f.entry,
      secrets: {
        identityKeys: f.usesIdentityKeys === true,
        telephony: (f.kind === "http" && f.route.auth.type === "webhook") || f.usesTelephonyProvider === true,
      },
      readsSecrets: readsSecrets(f),
    })),
  ).filter((f) => !only || only.has(f.id) || only.has(f.service)),
  {
    id: STACK_ID,
    service: "hotline",
    kind: "floor",
    entry: "test/bench/cold-stack.ts",
    secrets: { identityKeys: false, telephony: false },
    readsSecrets: false,
  },
  {
    id: FLOOR_ID,
    service: "-",
    kind: "floor",
    entry: FLOOR_ENTRY,
    secrets: { identityKeys: false, telephony: false },
    readsSecrets: false,
  },
];

/** The name a function's files go by (bundle, fixtures, profiles): its id, or `floor`. */
export const fileNameOf = (id: string) => (id === FLOOR_ID ? "floor" : id === STACK_ID ? "stack" : id);

export const bundleFileOf = (dir: string, id: string) => join(dir, `${fileNameOf(id)}.mjs`);

/**
 * Bundles with the options ProjectFunction hands the CDK's NodejsFunction (bundling.ts bundlingFor), as
 * the CDK turns them into esbuild's: bundle, platform node, the target, ESM, minified, the main fields,
 * the banner, the externals (the Secrets Manager client for a function that reads no secret); source
 * maps without sources. One call per set of options (the CDK makes one per function; the output per
 * entry is the same).
 */
export const bundleFunctions = async (functions: readonly ColdFunction[], outdir: string) => {
  let warnings = 0;
  const metafile: esbuild.Metafile = { inputs: {}, outputs: {} };
  for (const secrets of [true, false]) {
    const group = functions.filter((f) => f.readsSecrets === secrets);
    if (group.length === 0) continue;
    const b = bundlingFor(secrets);
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(group.map((f) => [fileNameOf(f.id), join(REPO_ROOT, f.entry)])),
      outdir,
      absWorkingDir: REPO_ROOT,
      bundle: true,
      platform: "node",
      target: b.target,
      format: "esm",
      minify: b.minify,
      sourcemap: b.sourceMap,
      sourcesContent: b.sourcesContent,
      mainFields: b.mainFields,
      banner: { js: b.banner },
      external: b.externalModules,
      outExtension: { ".js": ".mjs" },
      logLevel: "silent",
      metafile: true,
    });
    warnings += result.warnings.length;
    Object.assign(metafile.inputs, result.metafile.inputs);
    Object.assign(metafile.outputs, result.metafile.outputs);
  }
  return { warnings, metafile };
};

/** Minified bytes per package in one output, largest first; our own code by top folder. */
export const compositionOf = (metafile: esbuild.Metafile, file: string, top = 6) => {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(REPO_ROOT, path) === file)?.[1];
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match?.[1]?.replace(/^@(smithy|aws-sdk)\/.*$/, "AWS SDK") ?? "(ours)";
    parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
  }
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)}`)
    .join(", ");
};
