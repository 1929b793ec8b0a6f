import * as z from "zod/mini";
import { builtOnFirstUse } from "../lazy";
import type { HttpRoute } from "../service";

const buildProblemSchema = () =>
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    correlationId: z.optional(z.string()),
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  });
/**
 * RFC 9457 problem details, with `errors` naming each bad field (never echoing its value). Built on
 * the first call: the OpenAPI build and tests use it; a deployed function only writes problems
 * (`problemBody`), so it never builds it.
 */
export const problemSchema = builtOnFirstUse(buildProblemSchema);
export type Problem = z.infer<ReturnType<typeof problemSchema>>;
export type FieldError = { path: string; message: string };

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const TYPE_BASE = "https://ny-riktning.se/problems/";

const titles: Record<number, [string, string]> = {
  400: ["bad-request", "The request is not valid"],
  401: ["unauthorized", "A valid bearer token is required"],
  403: ["forbidden", "The token does not allow this"],
  404: ["not-found", "No such resource"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "The request conflicts with the resource's current state"],
  413: ["payload-too-large", "The request body is too large"],
  415: ["unsupported-media-type", "Unsupported content type"],
  422: ["unprocessable", "The request is well-formed but cannot be accepted"],
  500: ["internal", "Something went wrong on our side"],
  503: ["unavailable", "Temporarily unavailable"],
  504: ["timeout", "The request took too long"],
};

/**
 * An error a handler throws to answer with a problem. `detail` and `errors` are written by us,
 * never copied from input or from another exception, so they cannot carry personal data.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly problemType?: string,
  ) {
    super(detail ?? titles[status]?.[1] ?? "HTTP problem");
    this.name = "HttpProblem";
  }
}

export const problemBody = (
  status: number,
  options: {
    detail?: string;
    errors?: FieldError[];
    type?: string;
    correlationId?: string;
    instance?: string;
  } = {},
): Problem => {
  const [slug, title] = titles[status] ?? ["error", "Error"];
  return {
    type: TYPE_BASE + (options.type ?? slug),
    title,
    status,
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
};

/** The problem+json responses a route documents, by status: one helper for every route table. */
export const problemResponses = (...statuses: number[]): HttpRoute["responses"] =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: "Problem details",
        // A getter: route tables are built as every function loads, and only the OpenAPI build reads it.
        get schema() {
          return problemSchema();
        },
        contentType: PROBLEM_CONTENT_TYPE,
      },
    ]),
  );
