/**
 * A logged error's stack in a deployed function (shared/runtime/stack-trace.ts): bundled as the CDK
 * bundles it (test/support/bundles.ts), run in a fresh Node process without `--enable-source-maps`,
 * as deployed; describeError names the source file and line through the map beside the bundle.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleAsDeployed } from "../../support/bundles";

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stack-trace-bundle-"));
  const { warnings } = await bundleAsDeployed(
    [{ name: "throwing", entry: "test/integration/bundle/throwing-function.ts", readsSecrets: false }],
    { outdir: dir, write: true },
  );
  expect(warnings).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The handler's describeError, from a new process that runs the bundle as Lambda would. */
const describedBy = async (bundle: string): Promise<{ name: string; message: string; stack?: string }> => {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
console.log(JSON.stringify(await m.handler()));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH ?? "" },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
};

describe("a bundled function's logged stack", () => {
  it("names the source file and line the error was thrown at", async () => {
    const described = await describedBy(join(dir, "throwing.mjs"));
    expect(described).toMatchObject({ name: "Error", message: "the rule says no" });
    // throwing-function.ts throws on its line 8 (`throw new Error(...)`), called from line 13.
    expect(described.stack).toMatch(/test\/integration\/bundle\/throwing-function\.ts:8:\d+/);
    expect(described.stack).toMatch(/test\/integration\/bundle\/throwing-function\.ts:13:\d+/);
    expect(described.stack).not.toContain("throwing.mjs");
  }, 30_000);

  it("keeps the bundle's positions where no map lies beside it", async () => {
    await rm(join(dir, "throwing.mjs.map"));
    const described = await describedBy(join(dir, "throwing.mjs"));
    expect(described.stack).toContain("throwing.mjs:");
    expect(described.stack).not.toContain("throwing-function.ts");
  }, 30_000);
});
