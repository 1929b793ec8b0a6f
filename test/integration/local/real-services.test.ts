import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

/** The deployed services (infra/services.ts) through the local runtime: what `npm start` serves. */
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startRuntimeForTest();
});
afterAll(() => runtime?.stop());

describe("the deployed services in the local runtime", () => {
  it("loads every function", () => {
    expect(runtime.skipped).toEqual([]);
    expect(runtime.functions.length).toBeGreaterThan(0);
  });

  it("serves the OpenAPI document for their routes", async () => {
    const response = await runtime.request("/openapi.json");
    expect(response.status).toBe(200);
    const document = z
      .object({
        openapi: z.string(),
        servers: z.array(z.object({ url: z.string() })),
        paths: z.record(z.string(), z.unknown()),
      })
      .parse(await response.json());
    // Relative, as in the document `npm run openapi` writes (test/integration/contract).
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(Object.keys(document.paths)).toContain("/v1/release-notices");
  });

  it("puts the JWT authorizer in front of their routes, and a bad body reaches the handler as a 4xx", async () => {
    expect((await runtime.request("/v1/release-notices", { method: "POST" })).status).toBe(401);
    const staff = await runtime.token({ scope: "release-notices:read", municipality: "0880" });
    expect((await runtime.request("/v1/release-notices", { method: "POST", token: staff })).status).toBe(403);
    const kriminalvarden = await runtime.token({ scope: "release-notices:write national" });
    const bad = await runtime.request("/v1/release-notices", {
      method: "POST",
      token: kriminalvarden,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ noticeId: "x" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });

  it("runs their sweeps on tick", async () => {
    const summary = await runtime.tick();
    expect(summary.ok).toBe(true);
    expect(summary.schedules.length).toBeGreaterThan(0);
  });
});
