/**
 * `node --import tsx test/bench/zod-count.ts <function ids…>`: how many zod schemas each function
 * builds as its bundle loads, by source file. Building schemas, not bundle bytes, is most of what a
 * function's load adds to the floor's (README, Cold starts). The bundle is unminified with a source
 * map, so the files are named; the counting is zod-count-preload.mjs.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { PROJECT_BUNDLING } from "../../infra/constructs/bundling";
import { REPO_ROOT } from "../../infra/local/paths";
import { SERVICE_DEFINITIONS } from "../../infra/services";

const ids = new Set(process.argv.slice(2));
const functions = SERVICE_DEFINITIONS.flatMap((s) => s.functions).filter((f) => ids.has(f.id));
if (functions.length === 0) throw new Error("name one or more function ids (infra/services.ts)");

const outdir = mkdtempSync(join(tmpdir(), "zod-count-"));
try {
  await esbuild.build({
    entryPoints: Object.fromEntries(functions.map((f) => [f.id, join(REPO_ROOT, f.entry)])),
    outdir,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: "node",
    target: PROJECT_BUNDLING.target,
    format: "esm",
    sourcemap: true,
    mainFields: [...PROJECT_BUNDLING.mainFields],
    banner: { js: PROJECT_BUNDLING.banner },
    outExtension: { ".js": ".mjs" },
    logLevel: "silent",
  });
  const preload = join(REPO_ROOT, "test/bench/zod-count-preload.mjs");
  for (const f of functions) {
    const bundle = join(outdir, `${f.id}.mjs`);
    const out = execFileSync(
      process.execPath,
      [
        "--enable-source-maps",
        "--no-warnings",
        "--import",
        preload,
        "-e",
        `await import(${JSON.stringify(bundle)})`,
      ],
      { encoding: "utf8", env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? "eu-north-1" } },
    );
    console.log(
      `${f.id}\n${out
        .split("\n")
        .filter((l) => l.startsWith("  "))
        .join("\n")}`,
    );
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
