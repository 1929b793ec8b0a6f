/**
 * The document an integrator reads is one document: /openapi.json as served equals what
 * `npm run openapi` writes, and the check every integration test's responses pass through
 * (test/support/contract.ts) refuses what is off it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import { provisionForTest } from "../../support/aws";
import { contractCheckFor } from "../../support/contract";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startRuntimeForTest({ resources: await provisionForTest(["release-notices"]) });
});
afterAll(() => runtime?.stop());

const json = (body: unknown, status = 200, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("the OpenAPI document", () => {
  it("is served as npm run openapi writes it", async () => {
    const served = await (await runtime.request("/openapi.json")).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(projectOpenApiDocument(SERVICE_DEFINITIONS))));
  });

  it("holds responses to it: status, content type and body", async () => {
    const check = contractCheckFor(SERVICE_DEFINITIONS);
    const view = { url: "https://receiver.example.se/hooks", updatedAt: "2026-11-23T10:00:00.000Z" };
    expect(await check.check("GET", "/v1/release-notices/subscription", json(view))).toEqual([]);
    expect(await check.check("GET", "/v1/release-notices/subscription", json(view, 418))).toEqual([
      "GET /v1/release-notices/subscription → 418: status not documented",
    ]);
    expect(
      await check.check("GET", "/v1/release-notices/subscription", json(view, 200, "text/plain")),
    ).toHaveLength(1);
    const offSchema = await check.check(
      "GET",
      "/v1/release-notices/subscription",
      json({ ...view, secret: 1 }),
    );
    expect(offSchema?.join()).toContain("must NOT have additional properties");
    expect(await check.check("GET", "/v1/release-notices/subscription", json({ url: "x" }))).not.toEqual([]);
    // Literal paths win over templates, as API Gateway routes them.
    expect(
      await check.check("DELETE", "/v1/release-notices/subscription", new Response(null, { status: 204 })),
    ).toEqual([]);
    expect(await check.check("GET", "/_local/clock", json({}))).toBeUndefined();
  });
});
