import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "../../../shared/http/openapi";
import type { HttpRoute } from "../../../shared/service";
import { fakeService, operation, structuralProblems, webhookRoute } from "./support";

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
