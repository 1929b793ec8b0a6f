/**
 * A logged error's stack in a deployed function (shared/runtime/stack-trace.ts): bundled as the CDK
 * bundles it (test/support/bundles.ts), run in a fresh Node process without `--enable-source-maps`,
 * as deployed; describeError names the source file and line through the map beside the bundle.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { bundleTestFunction, invokeBundledOnce } from "../../support/bundles";

let dir: string;
let bundle: string;

beforeAll(async () => {
  const built = await bundleTestFunction("throwing", "test/integration/bundle/throwing-function.ts");
  ({ dir, file: bundle } = built);
  expect(built.warnings).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What the handler's describeError gave, from a new process that runs the bundle as Lambda would. */
const describedSchema = z.object({ name: z.string(), message: z.string(), stack: z.optional(z.string()) });
const described = async () => describedSchema.parse(await invokeBundledOnce(bundle));

describe("a bundled function's logged stack", () => {
  it("names the source file and line the error was thrown at", async () => {
    const result = await described();
    expect(result).toMatchObject({ name: "Error", message: "the rule says no" });
    // throwing-function.ts throws on its line 8 (`throw new Error(...)`), called from line 13.
    expect(result.stack).toMatch(/test\/integration\/bundle\/throwing-function\.ts:8:\d+/);
    expect(result.stack).toMatch(/test\/integration\/bundle\/throwing-function\.ts:13:\d+/);
    expect(result.stack).not.toContain("throwing.mjs");
  }, 30_000);

  it("keeps the bundle's positions where no map lies beside it", async () => {
    await rm(`${bundle}.map`);
    const result = await described();
    expect(result.stack).toContain("throwing.mjs:");
    expect(result.stack).not.toContain("throwing-function.ts");
  }, 30_000);
});
