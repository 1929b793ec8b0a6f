import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { memoryLogger } from "../../../infra/local/log";
import { startLocalServer } from "../../../infra/local/server";
import { developmentTokens } from "../../../infra/local/tokens";
import { provisionForTest } from "../../support/aws";
import { BINARY_BYTES } from "../../support/fixtures/fake-service/handlers/binary";
import { fakeService } from "../../support/fixtures/fake-service/service";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const echoSchema = z.object({
  event: z.object({
    version: z.literal("2.0"),
    routeKey: z.string(),
    rawPath: z.string(),
    rawQueryString: z.string(),
    cookies: z.optional(z.array(z.string())),
    headers: z.record(z.string(), z.string()),
    queryStringParameters: z.optional(z.record(z.string(), z.string())),
    pathParameters: z.optional(z.record(z.string(), z.string())),
    body: z.optional(z.string()),
    isBase64Encoded: z.boolean(),
    requestContext: z.object({
      requestId: z.string(),
      routeKey: z.string(),
      stage: z.string(),
      time: z.string(),
      timeEpoch: z.number(),
      http: z.object({ method: z.string(), path: z.string(), sourceIp: z.string(), userAgent: z.string() }),
      authorizer: z.optional(
        z.object({
          jwt: z.object({ claims: z.record(z.string(), z.string()), scopes: z.array(z.string()) }),
        }),
      ),
    }),
  }),
  context: z.object({ functionName: z.string(), awsRequestId: z.string(), remainingMs: z.number() }),
  tableName: z.string(),
});

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
});

const echo = async (response: Response) => echoSchema.parse(await response.json());
const problem = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await response.json());
};

const log = memoryLogger();
let runtime: TestRuntime;
let reader: string;

beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [fakeService()],
    resources: await provisionForTest(["intake"]),
    bodyLimitBytes: 1024,
    logger: log,
    openApi: (services, serverUrl) => ({
      openapi: "3.1.0",
      servers: [{ url: serverUrl }],
      paths: Object.fromEntries(services.flatMap((s) => s.functions).map((f) => [f.id, {}])),
    }),
  });
  reader = await runtime.token({ scope: "fake:read", municipality: "0880", sub: "staff-1" });
});
afterAll(() => runtime?.stop());

describe("routing", () => {
  it("passes path parameters (decoded), query (duplicates comma-joined), lower-cased headers and cookies", async () => {
    const response = await runtime.request("/v1/fake/items/abc%20d?x=1&x=2&y=&q=a%2Bb", {
      token: reader,
      headers: { "X-Custom-Header": "Value", Cookie: "a=1; b=2" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-fake")).toBe("yes");
    expect(response.headers.get("set-cookie")).toBe("fake=1; Path=/");
    expect(response.headers.get("apigw-requestid")).toBeTruthy();
    const { event, context, tableName } = await echo(response);
    expect(event.routeKey).toBe("GET /v1/fake/items/{itemId}");
    expect(event.rawPath).toBe("/v1/fake/items/abc%20d");
    expect(event.rawQueryString).toBe("x=1&x=2&y=&q=a%2Bb");
    expect(event.pathParameters).toEqual({ itemId: "abc d" });
    expect(event.queryStringParameters).toEqual({ x: "1,2", y: "", q: "a+b" });
    expect(event.headers["x-custom-header"]).toBe("Value");
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(["a=1", "b=2"]);
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext).toMatchObject({
      routeKey: "GET /v1/fake/items/{itemId}",
      stage: "$default",
      http: { method: "GET", path: "/v1/fake/items/abc%20d", sourceIp: "127.0.0.1" },
    });
    expect(event.requestContext.requestId).toBe(response.headers.get("apigw-requestid"));
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(context.functionName).toBe("fake-get-item");
    expect(context.remainingMs).toBeGreaterThan(25_000);
    expect(tableName).toBe(runtime.resources.tables.intake);
  });

  it("gives the handler the verified claims as API Gateway does: strings, and the scopes as a list", async () => {
    const token = await runtime.token({
      scope: "fake:read other:scope",
      municipality: "0880",
      sub: "staff-1",
    });
    const { event } = await echo(await runtime.request("/v1/fake/items/1", { token }));
    const jwt = event.requestContext.authorizer?.jwt;
    expect(jwt?.scopes).toEqual(["fake:read", "other:scope"]);
    expect(jwt?.claims).toMatchObject({
      sub: "staff-1",
      municipality: "0880",
      scope: "fake:read other:scope",
      iss: "https://local.ny-riktning.invalid/",
      aud: "ny-riktning",
    });
    expect(jwt?.claims.exp).toMatch(/^\d+$/);
  });

  it("prefers a literal segment over a parameter, and matches greedy parameters", async () => {
    const special = await echo(await runtime.request("/v1/fake/items/special", { token: reader }));
    expect(special.context.functionName).toBe("fake-get-special");
    expect(special.event.pathParameters).toBeUndefined();
    const file = await echo(await runtime.request("/v1/fake/files/a/b/c.txt", { token: reader }));
    expect(file.event.pathParameters).toEqual({ path: "a/b/c.txt" });
  });

  it("passes JSON bodies as text and form posts base64-encoded, as API Gateway's HTTP API does", async () => {
    const writer = await runtime.token({ scope: "fake:write" });
    const json = await echo(
      await runtime.request("/v1/fake/items", {
        method: "POST",
        token: writer,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "åäö" }),
      }),
    );
    expect(json.event.body).toBe('{"name":"åäö"}');
    expect(json.event.isBase64Encoded).toBe(false);

    const form = await echo(
      await runtime.request("/v1/fake/webhook", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "callid=abc&from=%2B46701234567",
      }),
    );
    expect(form.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(form.event.body ?? "", "base64").toString()).toBe("callid=abc&from=%2B46701234567");
    expect(form.event.requestContext.authorizer).toBeUndefined();
  });

  it("answers 404 for an unknown path and 405 with Allow for a known path and another method", async () => {
    const notFound = await runtime.request("/v1/nothing-here", { token: reader });
    expect(notFound.status).toBe(404);
    expect((await problem(notFound)).status).toBe(404);

    const wrongMethod = await runtime.request("/v1/fake/items", { method: "DELETE", token: reader });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    await problem(wrongMethod);
  });

  it("writes base64 results as bytes", async () => {
    const response = await runtime.request("/v1/fake/binary", { token: reader });
    expect(response.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(BINARY_BYTES);
  });
});

describe("the JWT authorizer", () => {
  it("answers 401 with WWW-Authenticate without a token, and with a token that is not valid", async () => {
    const none = await runtime.request("/v1/fake/items/1");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    expect(await problem(none)).toMatchObject({
      status: 401,
      title: expect.any(String),
      type: expect.any(String),
    });

    const garbage = await runtime.request("/v1/fake/items/1", { token: "not.a.jwt" });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    await problem(garbage);

    const notBearer = await runtime.request("/v1/fake/items/1", {
      headers: { authorization: `Basic ${reader}` },
    });
    expect(notBearer.status).toBe(401);
  });

  it("rejects an expired token, another issuer, another audience and another key", async () => {
    const expired = await runtime.token({
      scope: "fake:read",
      issuedAt: new Date(Date.now() - 3600_000),
      ttlSeconds: 60,
    });
    const response = await runtime.request("/v1/fake/items/1", { token: expired });
    expect(response.status).toBe(401);
    expect((await problem(response)).detail).toMatch(/expired/);

    for (const token of [
      await runtime.token({ scope: "fake:read", issuer: "https://elsewhere.invalid/" }),
      await runtime.token({ scope: "fake:read", audience: "another-api" }),
      await (await developmentTokens({ dir: null })).signToken({ scope: "fake:read" }),
    ]) {
      expect((await runtime.request("/v1/fake/items/1", { token })).status).toBe(401);
    }
  });

  it("answers 403 when the token has none of the route's scopes; any one of them suffices", async () => {
    const writer = await runtime.token({ scope: "fake:write" });
    const forbidden = await runtime.request("/v1/fake/items/1", { token: writer });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect((await problem(forbidden)).status).toBe(403);

    const admin = await runtime.token({ scope: "fake:admin" });
    expect((await runtime.request("/v1/fake/items/1", { token: admin })).status).toBe(200);
  });

  it("lets webhook routes through without a token", async () => {
    const response = await runtime.request("/v1/fake/webhook", { method: "POST" });
    expect(response.status).toBe(200);
  });
});

describe("failures", () => {
  it("answers 413 for a body over the limit, before the handler runs", async () => {
    const writer = await runtime.token({ scope: "fake:write" });
    const response = await runtime.request("/v1/fake/items", {
      method: "POST",
      token: writer,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ big: "x".repeat(2000) }),
    });
    expect(response.status).toBe(413);
    expect((await problem(response)).status).toBe(413);
  });

  it("answers 500 without the exception's text when a handler throws, and logs it", async () => {
    const response = await runtime.request("/v1/fake/boom", { token: reader });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("19121212");
    expect(text).not.toContain("secret");
    expect(log.errors.some((e) => e instanceof Error && e.message.includes("secret detail"))).toBe(true);
  });

  it("answers 504 when a handler outlasts its timeout", async () => {
    const response = await runtime.request("/v1/fake/slow", { token: reader });
    expect(response.status).toBe(504);
    await problem(response);
  });

  it("answers 503 for a route whose module does not exist yet, and says so at load", async () => {
    const response = await runtime.request("/v1/fake/missing", { token: reader });
    expect(response.status).toBe(503);
    await problem(response);
    expect(runtime.skipped).toEqual([
      expect.objectContaining({
        id: "fake-missing",
        reason: "missing",
        module: expect.stringContaining("not-written-yet"),
      }),
    ]);
  });
});

describe("local endpoints", () => {
  it("answers /health with 200 when up", async () => {
    const response = await runtime.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the OpenAPI document of its services, naming the local server", async () => {
    const response = await runtime.request("/openapi.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      openapi: "3.1.0",
      servers: [{ url: runtime.url }],
      paths: { "fake-get-item": {} },
    });
  });

  it("serves the public key set", async () => {
    const jwks = z.object({ keys: z.array(z.object({ kty: z.literal("RSA"), kid: z.string() })) });
    const response = await runtime.request("/_local/jwks.json");
    expect(jwks.parse(await response.json()).keys).toHaveLength(1);
  });

  it("refuses the control surface for a non-loopback Host (DNS rebinding) and without a JSON content type", async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest(
        `${runtime.url}/_local/clock`,
        { method: "POST", headers: { host: "attacker.example", "content-type": "application/json" } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.once("error", reject);
      req.end('{"now":null}');
    });
    expect(status).toBe(403);

    const plain = await runtime.request("/_local/clock", { method: "POST", body: '{"now":null}' });
    expect(plain.status).toBe(415);
    const bad = await runtime.request("/_local/clock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"now":"tomorrow"}',
    });
    expect(bad.status).toBe(400);
  });
});

describe("the bare server", () => {
  it("answers /health and every route with 503 until it is ready", async () => {
    const server = await startLocalServer({
      port: 0,
      tokens: await developmentTokens({ dir: null }),
      logger: memoryLogger(),
      openApi: async () => undefined,
      control: {
        clock: () => ({ now: new Date().toISOString(), pinned: false }),
        setClock: () => {},
        tick: async () => ({ statusCode: 200, body: {} }),
      },
    });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(503);
      expect((await fetch(`${server.url}/v1/anything`)).status).toBe(503);
      expect((await fetch(`${server.url}/openapi.json`)).status).toBe(503);
      server.setReady(true);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
