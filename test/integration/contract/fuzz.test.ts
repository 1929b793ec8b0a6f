/**
 * A bounded property-based run over every operation of the OpenAPI document, with path, query
 * and body generated from the document's own schemas, through the local runtime (real gateway,
 * JWTs, handlers, DynamoDB Local, fauxqs). Each response must be documented: no 5xx, a documented
 * status and content type, a body valid against its schema (test/support/contract.ts checks
 * every response the runtime's `request` gets).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";
import type { OperationObject } from "../../../shared/http/openapi";
import { provisionForTest } from "../../support/aws";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";
import { roughly } from "./arbitraries";

/** Runs per operation: about 35 operations × this many requests fit in well under a minute. */
const RUNS = 10;
const USER = "fuzz-webhook";
const PASSWORD = "fuzz-webhook-password-0123";

const document = projectOpenApiDocument(SERVICE_DEFINITIONS);
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    path,
    method: method.toUpperCase(),
    op: op as OperationObject,
  })),
);

let runtime: TestRuntime;
const saved = { user: process.env.HOTLINE_WEBHOOK_USER, password: process.env.HOTLINE_WEBHOOK_PASSWORD };
beforeAll(async () => {
  process.env.HOTLINE_WEBHOOK_USER = USER;
  process.env.HOTLINE_WEBHOOK_PASSWORD = PASSWORD;
  runtime = await startRuntimeForTest({ resources: await provisionForTest() });
});
afterAll(async () => {
  await runtime?.stop();
  process.env.HOTLINE_WEBHOOK_USER = saved.user;
  process.env.HOTLINE_WEBHOOK_PASSWORD = saved.password;
});

const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * A path segment as sent. No client can send an empty one or a dot segment (URLs resolve `.`,
 * `..` and their `%2E` forms away), so those become a plain "x".
 */
const segment = (value: unknown): string => {
  const encoded = encodeURIComponent(asText(value ?? "x"));
  return encoded === "" || encoded === "." || encoded === ".." ? "x" : encoded;
};
const pairs = (record: Record<string, unknown>): [string, string][] =>
  Object.entries(record).map(([k, v]) => [k, asText(v)]);

const authorization = async (op: OperationObject): Promise<string> => {
  const scopes = op.security.flatMap((requirement) => requirement.bearerAuth ?? []);
  if (op.security.some((requirement) => "webhookBasic" in requirement)) {
    return `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}`;
  }
  return `Bearer ${await runtime.token({ scope: scopes, municipality: "0880", sub: "fuzz-client" })}`;
};

describe("every operation, with inputs from the document", () => {
  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    "%s answers only as documented",
    { timeout: 60_000 },
    async (_, { path, method, op }) => {
      const auth = await authorization(op);
      const parameters = op.parameters ?? [];
      const arbitraryOf = (location: string) =>
        fc.record(
          Object.fromEntries(
            parameters.filter((p) => p.in === location).map((p) => [p.name, roughly(p.schema, document)]),
          ),
          {
            requiredKeys: parameters.filter((p) => p.in === location && p.required).map((p) => p.name),
          },
        );
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const body = media ? fc.option(roughly(media.schema, document), { freq: 10 }) : fc.constant(null);
      await fc.assert(
        fc.asyncProperty(
          arbitraryOf("path"),
          arbitraryOf("query"),
          arbitraryOf("header"),
          body,
          async (p, q, h, b) => {
            const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => segment(p[name]));
            const query = new URLSearchParams(pairs(q)).toString();
            const headers = new Headers(
              Object.entries(h).map(([k, v]) => [k, asText(v).replace(/[^\x20-\x7e]/g, "")]),
            );
            headers.set("authorization", auth);
            let payload: string | undefined;
            if (contentType && b !== null) {
              headers.set("content-type", contentType);
              payload =
                contentType === "application/x-www-form-urlencoded" && typeof b === "object"
                  ? new URLSearchParams(pairs(b as Record<string, unknown>)).toString()
                  : JSON.stringify(b);
            }
            // `request` rejects a response off the document; a 5xx is documented nowhere.
            const response = await runtime.request(`${url}${query ? `?${query}` : ""}`, {
              method,
              headers,
              ...(payload === undefined ? {} : { body: payload }),
            });
            expect(response.status).toBeLessThan(500);
            await response.body?.cancel();
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
