/**
 * Holds every response the integration tests receive through the local HTTP server to the
 * OpenAPI document: a documented status, the documented content type, and a body valid against
 * the documented schema (Ajv, JSON Schema 2020-12). A response off the document fails the test.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { projectOpenApiDocument } from "../../infra/openapi-document";
import type { OpenApiDocument } from "../../shared/http/openapi";
import type { ServiceDefinition } from "../../shared/service";

interface Operation {
  readonly pattern: RegExp;
  readonly method: string;
  readonly pointer: string;
  readonly responses: Readonly<Record<string, { content?: Readonly<Record<string, unknown>> }>>;
}

export interface ContractCheck {
  /** Problems with one response (empty: it matches), or undefined when no operation is documented for it. */
  check(method: string, path: string, response: Response): Promise<string[] | undefined>;
  readonly document: OpenApiDocument;
}

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

const templatePattern = (template: string): RegExp =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`);

const mediaType = (header: string | null): string => (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

export const contractCheck = (document: OpenApiDocument): ContractCheck => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi.json", ...document });
  const operations: Operation[] = Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, op]) => ({
      pattern: templatePattern(template),
      method: method.toUpperCase(),
      pointer: `#/paths/${escapePointer(template)}/${method}`,
      responses: (op as { responses: Operation["responses"] }).responses,
    })),
  );
  // Literal templates before templated ones, as API Gateway routes.
  operations.sort((a, b) => a.pattern.source.split("[^/]+").length - b.pattern.source.split("[^/]+").length);
  const validators = new Map<string, ReturnType<typeof ajv.getSchema>>();
  const validator = (ref: string) => {
    if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: `openapi.json${ref}` }));
    return validators.get(ref);
  };

  return {
    document,
    async check(method, path, response) {
      const asMethod = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
      const operation = operations.find((op) => op.method === asMethod && op.pattern.test(path));
      if (!operation) return undefined;
      const where = `${method.toUpperCase()} ${path} → ${response.status}`;
      const documented = operation.responses[String(response.status)];
      if (!documented) return [`${where}: status not documented`];
      const body = method.toUpperCase() === "HEAD" ? "" : await response.clone().text();
      const content = documented.content ?? {};
      const types = Object.keys(content);
      if (types.length === 0) return body === "" ? [] : [`${where}: a body where none is documented`];
      const type = mediaType(response.headers.get("content-type"));
      if (!types.includes(type))
        return [`${where}: content type ${type || "(none)"}, documented ${types.join(", ")}`];
      if (method.toUpperCase() === "HEAD" || !type.includes("json")) return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return [`${where}: the body is not JSON`];
      }
      const validate = validator(
        `${operation.pointer}/responses/${response.status}/content/${escapePointer(type)}/schema`,
      );
      if (!validate || validate(parsed)) return [];
      return (validate.errors ?? []).map(
        (e) => `${where}: body${e.instancePath} ${e.message ?? "is not valid"}`,
      );
    },
  };
};

const checks = new WeakMap<readonly ServiceDefinition[], ContractCheck>();

/** One checker per list of services (built once: compiling the schemas is the costly part). */
export const contractCheckFor = (services: readonly ServiceDefinition[]): ContractCheck => {
  let check = checks.get(services);
  if (!check) {
    check = contractCheck(projectOpenApiDocument(services));
    checks.set(services, check);
  }
  return check;
};
