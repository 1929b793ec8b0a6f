/**
 * The OpenAPI 3.1 document for a set of services, built from the same zod schemas that validate
 * the requests, so that what an integrator reads is what the handlers enforce.
 */
import * as z from "zod/mini";
import type { HttpRoute, RouteAuth, ServiceDefinition } from "../service";
import type {
  LicenseObject,
  OpenApiDocument,
  OpenApiOptions,
  OperationObject,
  ParameterObject,
  PathItemObject,
  SchemaObject,
} from "./openapi-objects";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "./problem";

export type {
  LicenseObject,
  MediaTypeObject,
  OpenApiDocument,
  OpenApiOptions,
  OperationObject,
  ParameterObject,
  PathItemObject,
  SchemaObject,
} from "./openapi-objects";

const DEFAULT_LICENSE: LicenseObject = { name: "Proprietary", identifier: "LicenseRef-Proprietary" };

export const SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An OAuth2 access token (JWT). `scope` lists the caller's scopes, space-separated; municipal staff carry a `municipality` claim that limits them to their own municipality. A token without that claim must hold the scope `national` (Kriminalvården, Socialstyrelsen, a national reporting system), or every route refuses it with 403.",
  },
  webhookBasic: {
    type: "http",
    scheme: "basic",
    description:
      "The telephony provider's webhooks: HTTP basic credentials of their own, given in the webhook URL.",
  },
} as const satisfies Record<string, SchemaObject>;

const PROBLEM_REF = "#/components/schemas/Problem";
const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
// OpenAPI ignores header parameters by these names: they belong to the protocol, not the operation.
const RESERVED_HEADERS = new Set(["accept", "content-type", "authorization"]);

class Components {
  readonly schemas: Record<string, SchemaObject> = {};

  /** A free name for a schema that will be set under it: `name`, else `name2`, `name3`… */
  reserve(name: string): string {
    let candidate = name;
    for (let n = 2; candidate in this.schemas; n++) candidate = `${name}${n}`;
    this.schemas[candidate] = {};
    return candidate;
  }
}

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const rewriteRefs = (value: unknown, rewrite: (ref: string) => string): unknown => {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rewrite));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string" ? rewrite(v) : rewriteRefs(v, rewrite),
    ]),
  );
};

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

/**
 * zod's JSON Schema for one value. A `$ref` in an OpenAPI document resolves against the document,
 * not the schema, so definitions zod puts in `$defs` (recursive or `id`-named schemas) move to
 * components and their references follow.
 */
const jsonSchema = (
  schema: z.core.$ZodType,
  io: "input" | "output",
  components: Components,
  nameHint: string,
): SchemaObject => {
  const {
    $schema: _dialect,
    $defs,
    ...root
  } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as SchemaObject;
  const defs = isObject($defs) ? $defs : {};
  const recursive = JSON.stringify(root).includes('"$ref":"#"');
  if (Object.keys(defs).length === 0 && !recursive) return root;

  const rootName = recursive ? components.reserve(`${nameHint}Root`) : "";
  // zod names anonymous definitions `__schema0`…; a schema given an id by `.meta({ id })` keeps it,
  // and one id used by many operations becomes one component.
  const generated = (def: string) => def.startsWith("__schema");
  const names = new Map(
    Object.keys(defs).map((def) => [
      def,
      generated(def) ? components.reserve(`${nameHint}${pascal(def)}`) : def,
    ]),
  );
  const rewrite = (ref: string): string => {
    if (ref === "#") return `#/components/schemas/${rootName}`;
    const def = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
    const name = def === undefined ? undefined : names.get(def);
    return name === undefined ? ref : `#/components/schemas/${name}`;
  };
  for (const [def, body] of Object.entries(defs)) {
    const name = names.get(def) ?? def;
    const rewritten = rewriteRefs(body, rewrite) as SchemaObject;
    const existing = components.schemas[name];
    if (generated(def) || existing === undefined) {
      components.schemas[name] = rewritten;
    } else if (JSON.stringify(existing) !== JSON.stringify(rewritten)) {
      throw new Error(`two different schemas have the id ${def}`);
    }
  }
  const rewritten = rewriteRefs(root, rewrite) as SchemaObject;
  if (!recursive) return rewritten;
  components.schemas[rootName] = rewritten;
  return { $ref: `#/components/schemas/${rootName}` };
};

/** Query, path and header parameters from a zod object, one per property, required as zod says. */
const parametersOf = (
  location: ParameterObject["in"],
  schema: z.core.$ZodObject | undefined,
  components: Components,
  nameHint: string,
): ParameterObject[] => {
  if (!schema) return [];
  const json = jsonSchema(schema, "input", components, nameHint);
  const properties = isObject(json.properties) ? json.properties : {};
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  return Object.entries(properties)
    .filter(([name]) => location !== "header" || !RESERVED_HEADERS.has(name.toLowerCase()))
    .map(([name, property]) => {
      const { description, ...rest } = isObject(property) ? property : {};
      return {
        name,
        in: location,
        required: location === "path" || required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      };
    });
};

const pathParameterNames = (path: string): string[] =>
  [...path.matchAll(/\{([^}]+?)\+?\}/g)]
    .map((m) => m[1])
    .filter((name): name is string => name !== undefined);

const acceptsAbsent = (schema: z.core.$ZodType): boolean => {
  try {
    return z.safeParse(schema, undefined).success;
  } catch {
    // An async refinement cannot run synchronously; a body with one is not optional in practice.
    return false;
  }
};

const securityOf = (auth: RouteAuth): { security: OperationObject["security"]; note: string } => {
  if (auth.type === "webhook") {
    return {
      security: [{ webhookBasic: [] }],
      note: "Called by the telephony provider, authenticated with the webhook's own basic credentials (no bearer token).",
    };
  }
  if (auth.scopes.length === 0) return { security: [{ bearerAuth: [] }], note: "Requires a bearer token." };
  return {
    // Requirement objects in `security` are alternatives, which is what "any one scope" means.
    security: auth.scopes.map((scope) => ({ bearerAuth: [scope] })),
    note: `Requires a bearer token with any one of the scopes: ${auth.scopes.map((s) => `\`${s}\``).join(", ")}.`,
  };
};

const operationOf = (route: HttpRoute, operationId: string, defaultTag: string, components: Components) => {
  const hint = pascal(operationId);
  const declared = parametersOf("path", route.request.params, components, `${hint}Params`);
  const inPath = pathParameterNames(route.path);
  const stray = declared.filter((p) => !inPath.includes(p.name)).map((p) => p.name);
  if (stray.length > 0) {
    throw new Error(`${operationId}: path parameters ${stray.join(", ")} are not in ${route.path}`);
  }
  const pathParameters = inPath.map(
    (name) =>
      declared.find((p) => p.name === name) ??
      ({ name, in: "path", required: true, schema: { type: "string" } } satisfies ParameterObject),
  );
  const parameters = [
    ...pathParameters,
    ...parametersOf("query", route.request.query, components, `${hint}Query`),
    ...parametersOf("header", route.request.headers, components, `${hint}Headers`),
  ];

  const body = route.request.body;
  const requestBody = body
    ? {
        required: !acceptsAbsent(body),
        content: {
          [route.request.bodyContentType ?? "application/json"]: {
            schema: jsonSchema(body, "input", components, `${hint}Body`),
          },
        },
      }
    : undefined;

  const responses = Object.fromEntries(
    Object.entries(route.responses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, response]) => {
        const isProblem = response.schema === problemSchema();
        const contentType = response.contentType ?? (isProblem ? PROBLEM_CONTENT_TYPE : "application/json");
        const schema: SchemaObject | undefined = isProblem
          ? { $ref: PROBLEM_REF }
          : response.schema
            ? jsonSchema(response.schema, "output", components, `${hint}${status}`)
            : response.contentType
              ? { type: "string" }
              : undefined;
        return [
          status,
          {
            description: response.description,
            ...(schema
              ? {
                  content: {
                    [contentType]: { schema },
                    ...Object.fromEntries(
                      (response.alternativeContentTypes ?? []).map((type) => [
                        type,
                        { schema: { type: "string" } satisfies SchemaObject },
                      ]),
                    ),
                  },
                }
              : {}),
          },
        ];
      }),
  );

  const { security, note } = securityOf(route.auth);
  const operation: OperationObject = {
    operationId,
    summary: route.summary,
    description: route.description ? `${route.description}\n\n${note}` : note,
    tags: route.tags && route.tags.length > 0 ? route.tags : [defaultTag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security,
  };
  return operation;
};

export const buildOpenApiDocument = (
  services: readonly ServiceDefinition[],
  options: OpenApiOptions = {},
): OpenApiDocument => {
  const components = new Components();
  components.schemas.Problem = jsonSchema(problemSchema(), "output", components, "Problem");

  const paths: Record<string, PathItemObject> = {};
  const operationIds = new Set<string>();
  const tags = new Set<string>();
  const schemesUsed = new Set<keyof typeof SECURITY_SCHEMES>();

  for (const service of services) {
    for (const fn of service.functions) {
      if (fn.kind !== "http") continue;
      const { route } = fn;
      if (operationIds.has(fn.id)) throw new Error(`two functions have the id ${fn.id}`);
      operationIds.add(fn.id);
      // API Gateway's greedy `{proxy+}` is a plain parameter to OpenAPI.
      const path = route.path.replace(/\+\}/g, "}");
      const method = route.method.toLowerCase() as keyof PathItemObject;
      const item = paths[path] ?? {};
      if (item[method]) throw new Error(`${route.method} ${route.path} is defined twice (${fn.id})`);
      const operation = operationOf(route, fn.id, service.name, components);
      item[method] = operation;
      paths[path] = item;
      for (const tag of operation.tags) tags.add(tag);
      schemesUsed.add(route.auth.type === "jwt" ? "bearerAuth" : "webhookBasic");
    }
  }

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: options.title ?? "Ny riktning API",
      version: options.version ?? "1.0.0",
      description:
        "The HTTP APIs of Ny riktning, generated from the schemas that validate each request. Errors are `application/problem+json` (RFC 9457) with `errors: [{ path, message }]` naming each bad field.",
      license: options.license ?? DEFAULT_LICENSE,
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    tags: [...tags].sort().map((name) => {
      const description = options.tagDescriptions?.[name];
      return description ? { name, description } : { name };
    }),
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: Object.fromEntries(
        Object.entries(SECURITY_SCHEMES).filter(([name]) =>
          schemesUsed.has(name as keyof typeof SECURITY_SCHEMES),
        ),
      ),
    },
  };
};
