import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type * as esbuild from "esbuild";
import { readsSecrets } from "../../infra/constructs/bundling";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { bundleAsDeployed } from "../support/bundles";
import { median } from "./stats";

/** Times one import in a fresh process; `readyMs` is from the process's time origin (its start). */
const LOADER = `const started = performance.now();
const module = await import(process.argv[2]);
const importMs = performance.now() - started;
if (process.argv[3] === "handler" && typeof module.handler !== "function") {
  process.stderr.write("no handler export");
  process.exit(2);
}
process.stdout.write(JSON.stringify({ importMs, readyMs: performance.now() }));
`;

export interface BundleFigures {
  readonly id: string;
  readonly kind: string;
  readonly entry: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly mapBytes: number;
  readonly importMs: number;
  readonly readyMs: number;
  readonly importWithMapsMs: number;
}

export interface BundleReport {
  readonly functions: BundleFigures[];
  /** Importing an empty module: what every figure above includes of Node itself. */
  readonly baseline: { readonly importMs: number; readonly readyMs: number };
  readonly runs: number;
  readonly buildMs: number;
  readonly warnings: number;
  /** What the first function's bundle is made of: minified bytes per package (or our own code). */
  readonly composition: { readonly id: string; readonly parts: { name: string; bytes: number }[] };
}

const functionsToBundle = () =>
  SERVICE_DEFINITIONS.flatMap((service) =>
    service.functions.map((f) => ({ id: f.id, kind: f.kind, entry: f.entry, readsSecrets: readsSecrets(f) })),
  );

/** As the CDK bundles each function (test/support/bundles.ts), with or without source maps. */
const buildAll = (functions: ReturnType<typeof functionsToBundle>, outdir: string, sourceMaps: boolean) =>
  bundleAsDeployed(
    functions.map((f) => ({ name: f.id, entry: f.entry, readsSecrets: f.readsSecrets })),
    { outdir, write: true, sourceMaps },
  );

/** Minified bytes per package in one output, from esbuild's metafile; our own code as "(ours)". */
const composition = (metafile: esbuild.Metafile, id: string) => {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith(`/${id}.mjs`))?.[1];
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = match?.[1] ?? "(ours)";
    parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
  }
  return {
    id,
    parts: [...parts].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
};

const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  // Reading a CA bundle at start costs ~80 ms here; Lambda's Node 20+ runtimes load none by default.
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
};

const loadOnce = (loader: string, file: string, flags: readonly string[], expect: "handler" | "any") => {
  const out = spawnSync(process.execPath, [...flags, loader, pathToFileURL(file).href, expect], {
    encoding: "utf8",
    env: cleanEnv(),
    timeout: 30_000,
  });
  if (out.status !== 0) {
    throw new Error(`loading ${file} failed (exit ${out.status}): ${(out.stderr ?? "").slice(0, 500)}`);
  }
  return JSON.parse(out.stdout) as { importMs: number; readyMs: number };
};

/**
 * Bundles every function of SERVICE_DEFINITIONS in one esbuild call (as the CDK would, per
 * function) into a temporary folder, then imports each bundle in `runs` fresh Node processes, in
 * rotation so that noise spreads over all of them, and takes the median. Once without source maps,
 * once with them under `--enable-source-maps` (maps without sources), what the functions ran with
 * until 2026-11-30.
 */
export const measureBundles = async (
  runs: number,
  progress: (message: string) => void,
): Promise<BundleReport> => {
  const functions = functionsToBundle();
  const dir = mkdtempSync(join(tmpdir(), "ny-riktning-bench-"));
  try {
    const plainDir = join(dir, "plain");
    const mapsDir = join(dir, "maps");
    const started = performance.now();
    const plain = await buildAll(functions, plainDir, false);
    const buildMs = performance.now() - started;
    const maps = await buildAll(functions, mapsDir, true);
    const loader = join(dir, "load.mjs");
    writeFileSync(loader, LOADER);
    const empty = join(dir, "empty.mjs");
    writeFileSync(empty, "export {};\n");

    const samples = new Map(
      [...functions.map((f) => f.id), "(empty)"].map((id) => [
        id,
        { importMs: [] as number[], readyMs: [] as number[], mapsMs: [] as number[] },
      ]),
    );
    for (let run = 0; run < runs; run++) {
      progress(`  load run ${run + 1}/${runs}`);
      for (const [id, into] of samples) {
        const file = id === "(empty)" ? empty : join(plainDir, `${id}.mjs`);
        const expect = id === "(empty)" ? "any" : "handler";
        const once = loadOnce(loader, file, [], expect);
        into.importMs.push(once.importMs);
        into.readyMs.push(once.readyMs);
        if (id !== "(empty)") {
          into.mapsMs.push(
            loadOnce(loader, join(mapsDir, `${id}.mjs`), ["--enable-source-maps"], expect).importMs,
          );
        }
      }
    }
    const figures = functions.map((f): BundleFigures => {
      const file = join(plainDir, `${f.id}.mjs`);
      const content = readFileSync(file);
      const s = samples.get(f.id);
      return {
        id: f.id,
        kind: f.kind,
        entry: f.entry,
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
        mapBytes: statSync(join(mapsDir, `${f.id}.mjs.map`)).size,
        importMs: median(s?.importMs ?? []),
        readyMs: median(s?.readyMs ?? []),
        importWithMapsMs: median(s?.mapsMs ?? []),
      };
    });
    const base = samples.get("(empty)");
    return {
      functions: figures,
      baseline: { importMs: median(base?.importMs ?? []), readyMs: median(base?.readyMs ?? []) },
      runs,
      buildMs,
      warnings: plain.warnings + maps.warnings,
      composition: composition(plain.metafile, functions[0]?.id ?? ""),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
