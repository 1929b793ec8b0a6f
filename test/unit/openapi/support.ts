/** What the OpenAPI tests share: lookups in a document, its structural rules, a small route table. */
import { z } from "zod";
import type { OpenApiDocument, OperationObject } from "../../../shared/http/openapi";
import { problemSchema } from "../../../shared/http/problem";
import type { FunctionDefinition, HttpRoute, ServiceDefinition } from "../../../shared/service";

export const METHODS = ["get", "post", "put", "delete"] as const;

export const httpFunctions = (services: readonly ServiceDefinition[]) =>
  services.flatMap((s) =>
    s.functions.filter((f): f is Extract<FunctionDefinition, { kind: "http" }> => f.kind === "http"),
  );

export const operation = (doc: OpenApiDocument, method: string, path: string): OperationObject => {
  const op = doc.paths[path]?.[method.toLowerCase() as (typeof METHODS)[number]];
  if (!op) throw new Error(`no ${method} ${path}`);
  return op;
};

export type Json = { [key: string]: unknown };
export const isJson = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows a local `$ref` in the document; undefined when it points nowhere. */
export const resolveRef = (doc: unknown, ref: string): unknown =>
  ref
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (isJson(node) ? node[part] : undefined), doc);

export const schemaAt = (doc: OpenApiDocument, schema: unknown): Json => {
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
export const structuralProblems = (doc: OpenApiDocument): string[] => {
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

export const problems = {
  400: { description: "Bad", schema: problemSchema(), contentType: "application/problem+json" },
};

export const webhookRoute = {
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

export const fakeService = (routes: Record<string, HttpRoute>): ServiceDefinition => ({
  name: "hotline",
  depsEntry: "services/hotline/deps.ts",
  publishes: [],
  functions: Object.entries(routes).map(([id, route]) => ({ kind: "http", id, entry: `x/${id}.ts`, route })),
});
