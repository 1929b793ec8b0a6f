/**
 * Functions bundled as the CDK bundles them (infra/constructs/bundling.ts bundlingFor: the same
 * entry, target, format, main fields, banner, externals and aliases), for the tests that hold what a bundle
 * may hold and for the cold-start bench. One esbuild call per set of options (the CDK makes one per
 * function; the output per entry is the same).
 */
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as esbuild from "esbuild";
import { BUNDLE_ALIASES, bundlingFor, readsSecrets } from "../../infra/constructs/bundling";
import { REPO_ROOT } from "../../infra/local/paths";
import type { FunctionDefinition } from "../../shared/service";

export interface BundleEntry {
  /** The output's name: `<name>.js` (`.mjs` when written). */
  readonly name: string;
  readonly entry: string;
  readonly readsSecrets: boolean;
}

/**
 * Bundles the entries; `outdir` with `write` writes minified `.mjs` files and their source maps
 * (`sourceMaps: false`: without, to weigh what the maps cost).
 */
export const bundleAsDeployed = async (
  entries: readonly BundleEntry[],
  output: { readonly outdir: string; readonly write: boolean; readonly sourceMaps?: boolean },
): Promise<{ warnings: number; metafile: esbuild.Metafile }> => {
  let warnings = 0;
  const metafile: esbuild.Metafile = { inputs: {}, outputs: {} };
  for (const secrets of [true, false]) {
    const group = entries.filter((e) => e.readsSecrets === secrets);
    if (group.length === 0) continue;
    const b = bundlingFor(secrets);
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(group.map((e) => [e.name, join(REPO_ROOT, e.entry)])),
      outdir: output.outdir,
      write: output.write,
      absWorkingDir: REPO_ROOT,
      bundle: true,
      platform: "node",
      target: b.target,
      format: "esm",
      mainFields: b.mainFields,
      external: b.externalModules,
      alias: BUNDLE_ALIASES,
      banner: { js: b.banner },
      logLevel: "silent",
      metafile: true,
      // What is written is what is deployed; what is only read for its inputs need not be minified.
      ...(output.write
        ? {
            minify: b.minify,
            sourcemap: output.sourceMaps === false ? false : b.sourceMap,
            sourcesContent: b.sourcesContent,
            outExtension: { ".js": ".mjs" },
          }
        : {}),
    });
    warnings += result.warnings.length;
    Object.assign(metafile.inputs, result.metafile.inputs);
    Object.assign(metafile.outputs, result.metafile.outputs);
  }
  return { warnings, metafile };
};

/**
 * One test function (a module that exports `handler`) bundled as deployed, its `.mjs` and source map
 * in a new temporary folder, for a test to run as Lambda would (invokeBundledOnce).
 */
export const bundleTestFunction = async (
  name: string,
  entry: string,
): Promise<{ dir: string; file: string; warnings: number }> => {
  const dir = await mkdtemp(join(tmpdir(), `${name}-bundle-`));
  const { warnings } = await bundleAsDeployed([{ name, entry, readsSecrets: false }], {
    outdir: dir,
    write: true,
  });
  return { dir, file: join(dir, `${name}.mjs`), warnings };
};

const execFileAsync = promisify(execFile);

/**
 * A bundle's `handler` called once, without arguments, in a new Node process that imports the
 * bundle as Lambda's runtime does, with only PATH and `env` in its environment (no NODE_OPTIONS, as
 * deployed): what it returned, as JSON, or `{ error, message }` (the error's name) when it threw.
 */
export const invokeBundledOnce = async (file: string, env: Record<string, string> = {}): Promise<unknown> => {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)});
try { console.log(JSON.stringify(await m.handler())); }
catch (e) { console.log(JSON.stringify({ error: e.name, message: e.message })); }`;
  const { stdout } = await execFileAsync(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
};

/** Every function bundled (each entry named by its id), nothing written: the metafile. */
export const bundledMetafile = async (
  functions: readonly FunctionDefinition[],
): Promise<esbuild.Metafile> => {
  const entries = functions.map((f) => ({ name: f.id, entry: f.entry, readsSecrets: readsSecrets(f) }));
  return (await bundleAsDeployed(entries, { outdir: "/bundles", write: false })).metafile;
};

/** Each function's bundled source files (relative to the repository), by function id. */
export const inputsByFunction = (metafile: esbuild.Metafile): Map<string, string[]> =>
  new Map(
    Object.entries(metafile.outputs).map(([file, out]) => [
      /([^/]+)\.js$/.exec(file)?.[1] ?? file,
      Object.keys(out.inputs),
    ]),
  );

/** Each function's bundled source files (relative to the repository), by function id; nothing written. */
export const bundledInputs = async (
  functions: readonly FunctionDefinition[],
): Promise<Map<string, string[]>> => inputsByFunction(await bundledMetafile(functions));

/** The ids of the functions whose bundle holds a file whose path contains `part`. */
export const bundling = (inputs: ReadonlyMap<string, readonly string[]>, part: string): string[] =>
  [...inputs].filter(([, files]) => files.some((f) => f.includes(part))).map(([id]) => id);
