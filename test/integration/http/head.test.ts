import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

let runtime: TestRuntime;
let staff: string;

beforeAll(async () => {
  runtime = await startRuntimeForTest();
  staff = await runtime.token({ scope: "release-notices:read", municipality: "0880" });
});
afterAll(() => runtime?.stop());

describe("HEAD on every GET route", () => {
  it("answers as GET does, with the same status and headers and no body", async () => {
    const path = "/v1/release-notices?limit=5";
    const get = await runtime.request(path, { token: staff });
    const head = await runtime.request(path, { method: "HEAD", token: staff });
    const getBody = await get.text();
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(getBody)));
    expect(await head.text()).toBe("");
  });

  it("answers a refusal as GET would, without the problem's body", async () => {
    const head = await runtime.request("/v1/release-notices/KV-NONE-1", { method: "HEAD", token: staff });
    expect(head.status).toBe(404);
    expect(head.headers.get("content-type")).toBe("application/problem+json");
    expect(await head.text()).toBe("");
    const anonymous = await runtime.request("/v1/release-notices", { method: "HEAD" });
    expect(anonymous.status).toBe(401);
  });

  it("is not a way around the method of other routes", async () => {
    const head = await runtime.request("/v1/release-notices/KV-NONE-1/withdraw", {
      method: "HEAD",
      token: staff,
    });
    expect(head.status).toBe(405);
  });
});
