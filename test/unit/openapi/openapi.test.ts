import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OperationObject,
} from "../../../shared/http/openapi";
import { problemSchema } from "../../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../../shared/service";

const METHODS = ["get", "post", "put", "delete"] as const;

const httpFunctions = (services: readonly ServiceDefinition[]) =>
  services.flatMap((s) =>
    s.functions.filter((f): f is Extract<FunctionDefinition, { kind: "http" }> => f.kind === "http"),
  );

const operation = (doc: OpenApiDocument, method: string, path: string): OperationObject => {
  const op = doc.paths[path]?.[method.toLowerCase() as (typeof METHODS)[number]];
  if (!op) throw new Error(`no ${method} ${path}`);
  return op;
};

type Json = { [key: string]: unknown };
const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a local `$ref` in the document; undefined when it points nowhere. */
const resolveRef = (doc: unknown, ref: string): unknown =>
  ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (isJson(node) ? node[part] : undefined), doc);

const schemaAt = (doc: OpenApiDocument, schema: unknown): Json => {
  const ref = isJson(schema) ? schema.$ref : undefined;
  const target = typeof ref === "string" ? resolveRef(doc, ref) : schema;
  if (!isJson(target)) throw new Error("not a schema");
  return target;
};

/**
 * The structural rules of OpenAPI 3.1 that a generator can get wrong, checked without a validator
 * dependency: required top-level fields, unique operation ids, path parameters that match the
 * template, a response for each operation, security that names a declared scheme, every `$ref`
 * resolvable, and no JSON Schema dialect declared inside (the document declares it once).
 */
const structuralProblems = (doc: OpenApiDocument): string[] => {
  const problems: string[] = [];
  if (doc.openapi !== "3.1.0") problems.push("openapi is not 3.1.0");
  if (!doc.info.title || !doc.info.version) problems.push("info needs title and version");
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) problems.push(`${path}: must start with /`);
    const template = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (ids.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} repeated`);
      ids.add(op.operationId);
      const params = op.parameters ?? [];
      const declared = params
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      if (JSON.stringify(declared) !== JSON.stringify(template))
        problems.push(`${where}: path parameters differ`);
      if (params.some((p) => p.in === "path" && !p.required))
        problems.push(`${where}: path parameter not required`);
      const keys = params.map((p) => `${p.in}:${p.name}`);
      if (new Set(keys).size !== keys.length) problems.push(`${where}: repeated parameter`);
      if (Object.keys(op.responses).length === 0) problems.push(`${where}: no responses`);
      if (!Object.keys(op.responses).every((s) => /^[1-5]\d\d$/.test(s)))
        problems.push(`${where}: bad status`);
      for (const requirement of op.security) {
        for (const scheme of Object.keys(requirement)) {
          if (!(scheme in doc.components.securitySchemes))
            problems.push(`${where}: unknown scheme ${scheme}`);
        }
      }
    }
  }
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${at}/${i}`);
      return;
    }
    if (!isJson(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && (typeof value !== "string" || resolveRef(doc, value) === undefined)) {
        problems.push(`${at}: $ref ${String(value)} does not resolve`);
      }
      if (key === "$schema" || key === "$defs") problems.push(`${at}: ${key} inside the document`);
      walk(value, `${at}/${key}`);
    }
  };
  walk(doc, "#");
  return problems;
};

const problems = {
  400: { description: "Bad", schema: problemSchema, contentType: "application/problem+json" },
};

const webhookRoute = {
  method: "POST",
  path: "/v1/hotline/voice/{municipality}/incoming",
  auth: { type: "webhook" },
  summary: "Incoming call",
  request: {
    params: z.object({ municipality: z.string().regex(/^\d{4}$/) }),
    body: z.object({
      direction: z.literal("incoming"),
      callid: z.string(),
      from: z.string(),
      to: z.string(),
    }),
    bodyContentType: "application/x-www-form-urlencoded",
  },
  responses: {
    200: { description: "The action", schema: z.object({ connect: z.string(), timeout: z.number().int() }) },
    ...problems,
  },
} as const satisfies HttpRoute;

const fakeService = (routes: Record<string, HttpRoute>): ServiceDefinition => ({
  name: "hotline",
  depsEntry: "services/hotline/deps.ts",
  publishes: [],
  functions: Object.entries(routes).map(([id, route]) => ({ kind: "http", id, entry: `x/${id}.ts`, route })),
});

describe("the OpenAPI document for SERVICE_DEFINITIONS", () => {
  const doc = buildOpenApiDocument(SERVICE_DEFINITIONS);

  it("is structurally valid OpenAPI 3.1 and plain JSON", () => {
    expect(structuralProblems(doc)).toEqual([]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("has every HTTP route, under its method, path and function id", () => {
    const functions = httpFunctions(SERVICE_DEFINITIONS);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const op = operation(doc, fn.route.method, fn.route.path);
      expect(op.operationId).toBe(fn.id);
      expect(op.summary).toBe(fn.route.summary);
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(functions.length);
  });

  it("declares the path parameters with their schema", () => {
    const op = operation(doc, "PUT", "/v1/release-notices/{noticeId}");
    expect(op.parameters).toEqual([
      expect.objectContaining({
        name: "noticeId",
        in: "path",
        required: true,
        schema: expect.objectContaining({ type: "string" }),
      }),
    ]);
  });

  it("describes the notice body as the handler validates it", () => {
    const body = operation(doc, "POST", "/v1/release-notices").requestBody;
    expect(body?.required).toBe(true);
    const schema = schemaAt(doc, body?.content["application/json"]?.schema);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "noticeId",
        "municipality",
        "person",
        "institution",
        "expectedReleaseDate",
        "releaseType",
        "needs",
        "contact",
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    const properties = schema.properties as Record<string, Json>;
    expect(properties.person?.required).toEqual(["personalIdentityNumber"]);
    expect(properties.releaseType?.enum).toEqual(["conditional", "end-of-sentence", "other"]);
    expect(properties.expectedReleaseDate?.format).toBe("date");
  });

  it("lists query parameters one by one, optional where zod has a default", () => {
    const params = operation(doc, "GET", "/v1/release-notices").parameters ?? [];
    expect(params.map((p) => [p.name, p.in, p.required])).toEqual([
      ["status", "query", false],
      ["releaseFrom", "query", false],
      ["releaseTo", "query", false],
      ["limit", "query", false],
      ["cursor", "query", false],
    ]);
    expect(params.find((p) => p.name === "limit")?.schema).toMatchObject({
      type: "integer",
      default: 25,
      maximum: 100,
    });
  });

  it("requires a bearer token on every JWT route, any one of its scopes", () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    for (const fn of httpFunctions(SERVICE_DEFINITIONS)) {
      if (fn.route.auth.type !== "jwt") continue;
      const op = operation(doc, fn.route.method, fn.route.path);
      expect(op.security).toEqual(fn.route.auth.scopes.map((scope) => ({ bearerAuth: [scope] })));
      expect(op.description).toContain("any one of the scopes");
    }
    const get = operation(doc, "GET", "/v1/release-notices/{noticeId}");
    expect(get.security).toEqual([
      { bearerAuth: ["release-notices:write"] },
      { bearerAuth: ["release-notices:read"] },
    ]);
  });

  it("answers errors as problem+json, with one shared Problem schema", () => {
    const responses = operation(doc, "POST", "/v1/release-notices").responses;
    expect(Object.keys(responses)).toEqual(["200", "201", "400", "401", "403", "409", "413", "415", "422"]);
    expect(responses["409"]?.content).toEqual({
      "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
    });
    expect(doc.components.schemas.Problem?.required).toEqual(["type", "title", "status"]);
    const receipt = schemaAt(doc, responses["201"]?.content?.["application/json"]?.schema);
    expect(receipt.required).toEqual(
      expect.arrayContaining(["id", "noticeId", "status", "leadDays", "onTime", "planDueDate"]),
    );
  });

  it("takes its server, title and version from the options", () => {
    const custom = buildOpenApiDocument(SERVICE_DEFINITIONS, {
      serverUrl: "http://127.0.0.1:3000",
      title: "Local",
      version: "9.9.9",
    });
    expect(custom.servers).toEqual([{ url: "http://127.0.0.1:3000" }]);
    expect(custom.info).toMatchObject({ title: "Local", version: "9.9.9" });
    expect(doc.servers).toEqual([{ url: "/" }]);
  });
});

describe("buildOpenApiDocument", () => {
  it("describes a telephony webhook: basic auth, a form body, no bearer token", () => {
    const doc = buildOpenApiDocument([fakeService({ "hotline-incoming": webhookRoute })]);
    expect(structuralProblems(doc)).toEqual([]);
    const op = operation(doc, "POST", "/v1/hotline/voice/{municipality}/incoming");
    expect(op.security).toEqual([{ webhookBasic: [] }]);
    expect(doc.components.securitySchemes).toEqual({
      webhookBasic: expect.objectContaining({ type: "http", scheme: "basic" }),
    });
    const form = op.requestBody?.content["application/x-www-form-urlencoded"]?.schema;
    expect(form).toMatchObject({ type: "object", required: ["direction", "callid", "from", "to"] });
    expect(op.requestBody?.content["application/json"]).toBeUndefined();
    expect(op.parameters).toEqual([
      expect.objectContaining({ name: "municipality", in: "path", required: true }),
    ]);
    expect(op.tags).toEqual(["hotline"]);
  });

  it("reads input schemas as input and output schemas as output", () => {
    const route: HttpRoute = {
      method: "GET",
      path: "/v1/things",
      auth: { type: "jwt", scopes: [] },
      summary: "Things",
      request: { query: z.object({ limit: z.coerce.number().int().default(10) }) },
      responses: { 200: { description: "ok", schema: z.object({ limit: z.number().int().default(10) }) } },
    };
    const op = operation(buildOpenApiDocument([fakeService({ things: route })]), "GET", "/v1/things");
    expect(op.parameters?.[0]?.required).toBe(false);
    expect(op.responses["200"]?.content?.["application/json"]?.schema).toMatchObject({ required: ["limit"] });
    expect(op.security).toEqual([{ bearerAuth: [] }]);
  });

  it("declares headers and a text response, and leaves out the protocol's own headers", () => {
    const route: HttpRoute = {
      method: "GET",
      path: "/v1/report",
      auth: { type: "jwt", scopes: ["reports:read"] },
      summary: "Report",
      request: {
        headers: z.object({ "Idempotency-Key": z.string().optional(), accept: z.string().optional() }),
      },
      responses: { 200: { description: "CSV", contentType: "text/csv" }, 204: { description: "Nothing" } },
    };
    const op = operation(buildOpenApiDocument([fakeService({ report: route })]), "GET", "/v1/report");
    expect(op.parameters?.map((p) => [p.name, p.in])).toEqual([["Idempotency-Key", "header"]]);
    expect(op.responses["200"]?.content).toEqual({ "text/csv": { schema: { type: "string" } } });
    expect(op.responses["204"]).toEqual({ description: "Nothing" });
  });

  it("moves definitions zod puts in $defs to components, so that every $ref resolves", () => {
    type Node = { v: string; children: Node[] };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ v: z.string(), children: z.array(node) }));
    const unit = z.enum(["a", "b"]).meta({ id: "Unit" });
    const route = (path: string): HttpRoute => ({
      method: "POST",
      path,
      auth: { type: "jwt", scopes: ["x"] },
      summary: "Tree",
      request: { body: z.object({ tree: node, unit }) },
      responses: { 200: { description: "ok", schema: z.object({ unit }) } },
    });
    const doc = buildOpenApiDocument([fakeService({ "tree-a": route("/a"), "tree-b": route("/b") })]);
    expect(structuralProblems(doc)).toEqual([]);
    expect(doc.components.schemas.Unit).toEqual({ type: "string", enum: ["a", "b"] });
    // One component per operation for the anonymous recursive tree, one shared by id.
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      "Problem",
      "TreeABodySchema0",
      "TreeBBodySchema0",
      "Unit",
    ]);
  });

  it("refuses a route table it cannot describe truthfully", () => {
    const stray: HttpRoute = { ...webhookRoute, path: "/v1/hotline/voice/incoming" };
    expect(() => buildOpenApiDocument([fakeService({ stray })])).toThrow(/municipality are not in/);
    expect(() => buildOpenApiDocument([fakeService({ a: webhookRoute, b: webhookRoute })])).toThrow(
      /defined twice/,
    );
    const twice = fakeService({ a: webhookRoute });
    expect(() => buildOpenApiDocument([twice, twice])).toThrow(/two functions have the id a/);
  });

  it("declares a path parameter the route's schema leaves out", () => {
    const route: HttpRoute = { ...webhookRoute, request: { body: webhookRoute.request.body } };
    const op = operation(buildOpenApiDocument([fakeService({ r: route })]), "POST", webhookRoute.path);
    expect(op.parameters).toEqual([
      { name: "municipality", in: "path", required: true, schema: { type: "string" } },
    ]);
  });
});

describe("npm run openapi", () => {
  it("writes the document to the path it is given", { timeout: 30_000 }, () => {
    const target = join(mkdtempSync(join(tmpdir(), "openapi-")), "openapi.json");
    execFileSync(process.execPath, ["--import", "tsx", "infra/openapi.ts", target], { stdio: "pipe" });
    const written = JSON.parse(readFileSync(target, "utf8")) as OpenApiDocument;
    // The same document the local runtime serves at /openapi.json (test/integration/contract).
    expect(written).toEqual(JSON.parse(JSON.stringify(projectOpenApiDocument(SERVICE_DEFINITIONS))));
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(written.info.version).toBe(pkg.version);
    expect(written.servers).toEqual([{ url: "/" }]);
  });
});
