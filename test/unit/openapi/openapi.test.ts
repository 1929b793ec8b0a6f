import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import { buildOpenApiDocument, type OpenApiDocument } from "../../../shared/http/openapi";
import { httpFunctions, type Json, operation, schemaAt, structuralProblems } from "./support";

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
