import * as z from "zod";
import type { HttpRoute } from "../service";

/** RFC 9457 problem details, with `errors` naming each bad field (never echoing its value). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  correlationId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
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
      { description: "Problem details", schema: problemSchema, contentType: PROBLEM_CONTENT_TYPE },
    ]),
  );
