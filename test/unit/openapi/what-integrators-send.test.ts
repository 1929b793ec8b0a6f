/**
 * What an integrator must know to call the API right is in the document, not only in prose: the
 * headers a route reads, every representation an answer comes in, and the form of values whose
 * rule is more than their JSON type.
 */
import { describe, expect, it } from "vitest";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";

const document = JSON.parse(JSON.stringify(projectOpenApiDocument(SERVICE_DEFINITIONS)));

type Parameter = { name: string; in: string; required: boolean; schema: { pattern?: string } };
const parametersOf = (path: string, method: string): Parameter[] => document.paths[path][method].parameters;

const resolve = (schema: { $ref?: string }): Record<string, unknown> =>
  schema.$ref
    ? schema.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce(
          (node: Record<string, unknown>, key: string) => node[key] as Record<string, unknown>,
          document,
        )
    : schema;

describe("the OpenAPI document tells an integrator", () => {
  it("that a referral's post takes an optional Idempotency-Key header, and its form", () => {
    const header = parametersOf("/v1/referrals", "post").find((p) => p.in === "header");
    expect(header).toMatchObject({ name: "idempotency-key", required: false });
    expect(new RegExp(header?.schema.pattern ?? "^$").test("school-42-retry")).toBe(true);
  });

  it("that the pilot report also comes as CSV", () => {
    const content = document.paths["/v1/reports/pilot"].get.responses["200"].content;
    expect(Object.keys(content)).toEqual(["application/json", "text/csv"]);
    expect(content["text/csv"].schema).toEqual({ type: "string" });
  });

  it("the form of a municipality selection: kommunkoder or pilot, comma-separated", () => {
    const selection = parametersOf("/v1/reports/pilot", "get").find((p) => p.name === "municipality");
    const form = new RegExp(selection?.schema.pattern ?? "^$");
    expect(["0880", "pilot", "0880,0380", "pilot, 0180"].every((v) => form.test(v))).toBe(true);
    expect(["Kalmar", "880", "0880;0380", ""].some((v) => form.test(v))).toBe(false);
  });

  it("that a schedule's fallback message is an https URL and its time zone an IANA name", () => {
    const body = resolve(
      document.paths["/v1/hotline/schedules/{municipality}"].put.requestBody.content["application/json"]
        .schema,
    ) as { properties: Record<string, { pattern?: string; examples?: string[] }> };
    expect(body.properties.fallbackMessage?.pattern).toBe("^https://");
    expect(body.properties.timeZone?.examples).toEqual(["Europe/Stockholm"]);
  });
});
