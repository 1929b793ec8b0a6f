/**
 * `node --import tsx test/bench/module-time.ts <function id> [top N]`: how long each module's own
 * top-level statements take as a function's bundle loads (the median of 9 fresh processes), by
 * folder and by module. Schemas a module builds as it loads show here, as does anything else it
 * computes before the first request. zod-count.ts counts schemas; this times them with the rest.
 *
 * The bundle is built with the project's options (minified, no source map) and each module's code
 * between two clock readings: esbuild hoists a module's imports, so what lies between is the
 * module's own top level. zod's own modules are left unwrapped (thousands of tiny ones); the first
 * module that builds a schema also pays for compiling zod's constructors, so read a folder's
 * figure beside the others, not alone.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as esbuild from "esbuild";
import { PROJECT_BUNDLING } from "../../infra/constructs/bundling";
import { REPO_ROOT } from "../../infra/local/paths";
import { bundleFileOf, coldFunctions } from "./cold-build";

const [id, top = "25"] = process.argv.slice(2);
const fn = coldFunctions(new Set(id ? [id] : [])).find((f) => f.id === id);
if (!fn) throw new Error("name one function id (infra/services.ts)");

const timed: esbuild.Plugin = {
  name: "module-time",
  setup(build) {
    build.onLoad({ filter: /\.(ts|js|mjs)$/ }, (args) => {
      if (args.path.includes("/node_modules/zod/")) return undefined;
      const name = JSON.stringify(relative(REPO_ROOT, args.path).replace(/^node_modules\//, ""));
      const source = readFileSync(args.path, "utf8");
      return {
        contents: `globalThis.__moduleTimes.push([${name}, performance.now()]);\n${source}\nglobalThis.__moduleTimes.push([${name}, performance.now()]);\n`,
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

const outdir = join(REPO_ROOT, "node_modules/.cache/module-time");
const bundle = bundleFileOf(outdir, fn.id);
await esbuild.build({
  entryPoints: [join(REPO_ROOT, fn.entry)],
  outfile: bundle,
  absWorkingDir: REPO_ROOT,
  bundle: true,
  platform: "node",
  target: PROJECT_BUNDLING.target,
  format: "esm",
  minify: PROJECT_BUNDLING.minify,
  mainFields: [...PROJECT_BUNDLING.mainFields],
  banner: { js: `globalThis.__moduleTimes = [];${PROJECT_BUNDLING.banner}` },
  plugins: [timed],
  logLevel: "silent",
});

const child = `
await import(process.argv[1]);
const started = new Map(), own = {};
for (const [name, at] of globalThis.__moduleTimes) {
  if (started.has(name)) { own[name] = at - started.get(name); started.delete(name); } else started.set(name, at);
}
console.log("TIMES " + JSON.stringify(own));`;
const samples = new Map<string, number[]>();
for (let run = 0; run < 9; run += 1) {
  const out = execFileSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", child, bundle], {
    encoding: "utf8",
    env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? "eu-north-1" },
  });
  const line = out.split("\n").find((l) => l.startsWith("TIMES ")) ?? "TIMES {}";
  const times: Record<string, number> = JSON.parse(line.slice("TIMES ".length));
  for (const [name, ms] of Object.entries(times)) samples.set(name, [...(samples.get(name) ?? []), ms]);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const modules = [...samples].map(([name, ms]) => ({ name, ms: median(ms) })).sort((a, b) => b.ms - a.ms);
const folderOf = (name: string) =>
  /^(services|shared)\//.test(name)
    ? name.split("/").slice(0, 2).join("/")
    : (/^(@[^/]+\/[^/]+|[^/]+)/.exec(name)?.[1] ?? name);
const folders = new Map<string, number>();
for (const m of modules) folders.set(folderOf(m.name), (folders.get(folderOf(m.name)) ?? 0) + m.ms);
const fmt = (ms: number) => ms.toFixed(2).padStart(6);
console.log(`${fn.id}: modules' own top level ${fmt(modules.reduce((s, m) => s + m.ms, 0)).trim()} ms`);
for (const [folder, ms] of [...folders].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`${fmt(ms)}  ${folder}`);
console.log("by module:");
for (const m of modules.slice(0, Number(top))) console.log(`${fmt(m.ms)}  ${m.name}`);
