import type { Context } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { DomainError, type DomainErrorKind } from "../../../shared/domain/errors";
import { createHttpHandler, type HttpEvent, json } from "../../../shared/http/edge";
import { HttpProblem } from "../../../shared/http/problem";
import { Logger } from "../../../shared/logger";
import type { HttpRoute } from "../../../shared/service";

// zod/mini, as the functions validate: no locale is loaded, so every message here is our own.
const route = {
  method: "POST",
  path: "/v1/things/{thingId}",
  auth: { type: "jwt", scopes: ["things:write"] },
  summary: "test route",
  request: {
    params: z.object({ thingId: z.string().check(z.regex(/^[a-z]+$/, "must be lower-case letters")) }),
    query: z.object({ limit: z.optional(z.coerce.number().check(z.int(), z.maximum(10))) }),
    body: z.strictObject({
      person: z.strictObject({
        personalIdentityNumber: z.string().check(z.regex(/^\d{12}$/, "must be 12 digits")),
      }),
      kind: z.enum(["a", "b"]),
    }),
  },
  responses: {},
} as const satisfies HttpRoute;

const context = { awsRequestId: "req-1", functionName: "test" } as Context;
const event = (
  overrides: Partial<HttpEvent> = {},
  claims: Record<string, string> | null = { sub: "u1", scope: "things:write", municipality: "0880" },
): HttpEvent =>
  ({
    version: "2.0",
    routeKey: "POST /v1/things/{thingId}",
    rawPath: "/v1/things/abc",
    rawQueryString: "",
    headers: { "content-type": "application/json" },
    pathParameters: { thingId: "abc" },
    requestContext: {
      requestId: "gw-req-1",
      http: {
        method: "POST",
        path: "/v1/things/abc",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "t",
      },
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
    body: JSON.stringify({ person: { personalIdentityNumber: "199001011234" }, kind: "a" }),
    isBase64Encoded: false,
    ...overrides,
  }) as unknown as HttpEvent;

describe("the HTTP edge", () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const logger = new Logger({ serviceName: "release-notices" });
  const handler = createHttpHandler(route, logger, async ({ params, body, caller }) =>
    json(201, { thingId: params.thingId, kind: body.kind, by: caller.subject }),
  );

  it("hands validated input and the caller to the handler", async () => {
    const result = await handler(event(), context);
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body ?? "")).toEqual({ thingId: "abc", kind: "a", by: "u1" });
    expect(result.headers?.["x-correlation-id"]).toBe("gw-req-1");
    // Answers carry personal data: never cached, never sniffed.
    expect(result.headers).toMatchObject({
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  it("names every bad field, and echoes no value", async () => {
    const secret = "19900101-XXXX";
    const result = await handler(
      event({ body: JSON.stringify({ person: { personalIdentityNumber: secret }, kind: "c", extra: 1 }) }),
      context,
    );
    expect(result.statusCode).toBe(400);
    expect(result.headers?.["content-type"]).toBe("application/problem+json");
    expect(result.headers).toMatchObject({
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    const problem = JSON.parse(result.body ?? "");
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "extra",
      "kind",
      "person.personalIdentityNumber",
    ]);
    expect(result.body).not.toContain(secret);
    // The request was logged (status, route) and the log holds no value from the body.
    expect(lines.join("")).toContain('"status":400');
    expect(lines.join("")).not.toContain(secret);
  });

  it("says a missing field is required", async () => {
    const result = await handler(event({ body: JSON.stringify({ kind: "a" }) }), context);
    expect(JSON.parse(result.body ?? "").errors).toEqual([{ path: "person", message: "is required" }]);
    const noKind = await handler(
      event({ body: JSON.stringify({ person: { personalIdentityNumber: "199001011234" } }) }),
      context,
    );
    expect(JSON.parse(noKind.body ?? "").errors).toEqual([{ path: "kind", message: "is required" }]);
  });

  it("names the rule a present but invalid field broke, without its value", async () => {
    const errorsOf = async (body: unknown, query?: Record<string, string>) =>
      JSON.parse(
        (
          await handler(
            event({ body: JSON.stringify(body), ...(query ? { queryStringParameters: query } : {}) }),
            context,
          )
        ).body ?? "",
      ).errors;
    const person = { personalIdentityNumber: "199001011234" };
    expect(await errorsOf({ person, kind: "nope" })).toEqual([
      { path: "kind", message: 'must be one of "a", "b"' },
    ]);
    expect(await errorsOf({ person, kind: 5 })).toEqual([
      { path: "kind", message: 'must be one of "a", "b"' },
    ]);
    expect(await errorsOf({ person: "199001011234", kind: "a" })).toEqual([
      { path: "person", message: "must be an object" },
    ]);
    // A schema's own message stands: it names the rule better than a generic one.
    expect(await errorsOf({ person: { personalIdentityNumber: "1990" }, kind: "a" })).toEqual([
      { path: "person.personalIdentityNumber", message: "must be 12 digits" },
    ]);
    expect(await errorsOf({ person, kind: "a" }, { limit: "11" })).toEqual([
      { path: "query.limit", message: "must be at most 10" },
    ]);
    expect(await errorsOf({ person, kind: "a" }, { limit: "2.5" })).toEqual([
      { path: "query.limit", message: "must be an integer" },
    ]);
    const texts = JSON.stringify([
      await errorsOf({ person, kind: "nope" }),
      await errorsOf({ person: "199001011234", kind: "a" }),
    ]);
    expect(texts).not.toContain("nope");
    expect(texts).not.toContain("199001011234");
  });

  it("rejects bad path and query parameters by name", async () => {
    const result = await handler(
      event({ pathParameters: { thingId: "ABC" }, queryStringParameters: { limit: "11" } }),
      context,
    );
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body ?? "").errors.map((e: { path: string }) => e.path)).toEqual([
      "path.thingId",
      "query.limit",
    ]);
  });

  it("answers malformed JSON with 400, a wrong content type with 415, a large body with 413", async () => {
    expect((await handler(event({ body: "{nope" }), context)).statusCode).toBe(400);
    expect((await handler(event({ headers: { "content-type": "text/plain" } }), context)).statusCode).toBe(
      415,
    );
    const big = JSON.stringify({ person: { personalIdentityNumber: "1".repeat(70_000) }, kind: "a" });
    expect((await handler(event({ body: big }), context)).statusCode).toBe(413);
  });

  it("fails closed without claims (401) or without the scope (403)", async () => {
    const unauthenticated = await handler(event({}, null), context);
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers?.["www-authenticate"]).toBe("Bearer");
    expect((await handler(event({}, { sub: "u1", scope: "other:read" }), context)).statusCode).toBe(403);
  });

  it("refuses a token without a municipality claim unless it holds the national scope", async () => {
    const local = await handler(event({}, { sub: "u1", scope: "things:write" }), context);
    expect(local.statusCode).toBe(403);
    expect(JSON.parse(local.body ?? "").detail).toBe(
      "A token without a municipality claim needs the scope national",
    );
    const national = await handler(event({}, { sub: "u1", scope: "things:write national" }), context);
    expect(national.statusCode).toBe(201);
  });

  it.each([
    ["invalid", 400],
    ["forbidden", 403],
    ["not-found", 404],
    ["conflict", 409],
    ["unprocessable", 422],
  ] as const)(
    "answers a domain error of kind %s with %i, its detail, fields and code",
    async (kind, status) => {
      const refusing = createHttpHandler(route, logger, async () => {
        throw new DomainError(kind as DomainErrorKind, "The rule says no", {
          fields: [{ path: "releaseDate", message: "must not be in the past" }],
          code: "rule-says-no",
        });
      });
      const result = await refusing(event(), context);
      expect(result.statusCode).toBe(status);
      expect(result.headers?.["content-type"]).toBe("application/problem+json");
      expect(JSON.parse(result.body ?? "")).toMatchObject({
        status,
        detail: "The rule says no",
        type: "https://ny-riktning.se/problems/rule-says-no",
        errors: [{ path: "releaseDate", message: "must not be in the past" }],
      });
    },
  );

  it("turns a thrown problem into problem+json, and hides an unexpected error's text", async () => {
    const conflict = createHttpHandler(route, logger, async () => {
      throw new HttpProblem(409, "Already there");
    });
    const conflictResult = await conflict(event(), context);
    expect(conflictResult.statusCode).toBe(409);
    expect(JSON.parse(conflictResult.body ?? "").detail).toBe("Already there");

    const crash = createHttpHandler(route, logger, async () => {
      throw new Error("item 199001011234 broke");
    });
    const crashResult = await crash(event(), context);
    expect(crashResult.statusCode).toBe(500);
    expect(crashResult.body).not.toContain("199001011234");
    // The error is logged for the operator, with the number blanked out of its message and stack.
    expect(lines.join("")).toContain("unhandled error");
    expect(lines.join("")).toContain("item [redacted] broke");
    // The same line is the UnhandledError metric (EMF), with the service as its dimension.
    const errorLine = JSON.parse(lines.find((l) => l.includes("unhandled error")) ?? "{}");
    expect(errorLine).toMatchObject({
      service: "release-notices",
      UnhandledError: 1,
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: "NyRiktning",
            Dimensions: [["service"]],
            Metrics: [{ Name: "UnhandledError", Unit: "Count" }],
          },
        ],
      },
    });
    expect(lines.join("")).not.toContain("199001011234");
    expect(JSON.parse(crashResult.body ?? "")).toMatchObject({ status: 500, correlationId: "gw-req-1" });
  });

  it("keeps a well-formed correlation id from the caller and replaces a malformed one", async () => {
    const kept = await handler(
      event({ headers: { "content-type": "application/json", "x-correlation-id": "kv-123" } }),
      context,
    );
    expect(kept.headers?.["x-correlation-id"]).toBe("kv-123");
    const replaced = await handler(
      event({ headers: { "content-type": "application/json", "x-correlation-id": "bad id\nwith newline" } }),
      context,
    );
    expect(replaced.headers?.["x-correlation-id"]).toBe("gw-req-1");
    // Well-formed, but it holds a personnummer: it would reach every log line of the request.
    const personal = await handler(
      event({ headers: { "content-type": "application/json", "x-correlation-id": "kv-19900101-0017" } }),
      context,
    );
    expect(personal.headers?.["x-correlation-id"]).toBe("gw-req-1");
    expect(lines.join("")).not.toContain("19900101-0017");
  });
});

describe("containsIdentityNumber", () => {
  it("finds a valid personnummer or samordningsnummer in any form inside an id, and nothing else", async () => {
    const { containsIdentityNumber } = await import("../../../shared/identity");
    expect(containsIdentityNumber("19900101-0017")).toBe(true);
    expect(containsIdentityNumber("KV-199001010017")).toBe(true);
    expect(containsIdentityNumber("900101-0017")).toBe(true);
    expect(containsIdentityNumber("case_9001010017")).toBe(true);
    // A wrong check digit, a run too long, an ordinary notice id: not a person.
    expect(containsIdentityNumber("19900101-0018")).toBe(false);
    expect(containsIdentityNumber("KV-2026-000123")).toBe(false);
    expect(containsIdentityNumber("1199001010017")).toBe(false);
    expect(containsIdentityNumber("01M847ZYBQ66NGSRZY5ZBJY950")).toBe(false);
  });
});

describe("redact", () => {
  it("blanks identity numbers, phone numbers and e-mail addresses, and keeps ids, dates and line numbers", async () => {
    const { redact } = await import("../../../shared/logger");
    expect(redact("19900101-0017 and 900101-0017 and 199001010017")).toBe(
      "[redacted] and [redacted] and [redacted]",
    );
    expect(redact("call +46701234567 or 070-123 45 67")).toBe("call [redacted] or [redacted]");
    expect(redact("mail anna.andersson@kriminalvarden.se now")).toBe("mail [redacted] now");
    expect(redact("id 01M847ZYBQ66NGSRZY5ZBJY950 at edge.ts:236:30")).toBe(
      "id 01M847ZYBQ66NGSRZY5ZBJY950 at edge.ts:236:30",
    );
    // A frame in a scoped package is a path, not an address; an address after a slash still is one.
    expect(redact("at send (node_modules/@smithy/core/dist-es/index.js:137:32)")).toBe(
      "at send (node_modules/@smithy/core/dist-es/index.js:137:32)",
    );
    expect(redact("to see/anna@example.se")).toBe("to see/[redacted]");
  });
});
