/**
 * What API Gateway's HTTP API does between a client and a Lambda function (payload format 2.0):
 * route selection, the event it builds, and how it turns the function's result into a response.
 * Pure functions, so the shape is testable without a server.
 */
import { randomBytes } from "node:crypto";
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import type { JWTPayload } from "jose";
import { z } from "zod";
import type { HttpMethod } from "../../shared/service";

type Segment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "param"; readonly name: string }
  | { readonly kind: "greedy"; readonly name: string };

const SEGMENT_RANK = { literal: 0, param: 1, greedy: 2 } as const;

export interface RouteEntry<T> {
  readonly method: HttpMethod;
  /** API Gateway syntax: `/v1/release-notices/{noticeId}`, `/files/{path+}`. */
  readonly path: string;
  readonly value: T;
}

export type RouteMatch<T> =
  | { readonly kind: "found"; readonly route: RouteEntry<T>; readonly pathParameters: Record<string, string> }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: "not-found" }
  /** A percent-encoding that does not decode. */
  | { readonly kind: "bad-path" };

const parseTemplate = (path: string): Segment[] =>
  path
    .split("/")
    .slice(1)
    .map((part) => {
      const param = /^\{([A-Za-z0-9_.-]+)(\+)?\}$/.exec(part);
      if (!param?.[1]) return { kind: "literal", text: part };
      return param[2] ? { kind: "greedy", name: param[1] } : { kind: "param", name: param[1] };
    });

/** API Gateway prefers the most specific route: literal segments over parameters over greedy ones. */
const compareSpecificity = (a: Segment[], b: Segment[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return x ? -1 : 1;
    const diff = SEGMENT_RANK[x.kind] - SEGMENT_RANK[y.kind];
    if (diff !== 0) return diff;
  }
  return 0;
};

class BadPath extends Error {}
const decode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new BadPath();
  }
};

const matchSegments = (segments: Segment[], parts: string[]): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (!segment || part === undefined) return undefined;
    if (segment.kind === "greedy") {
      const rest = parts.slice(i);
      if (rest.join("/") === "") return undefined;
      params[segment.name] = decode(rest.join("/"));
      return params;
    }
    if (part === "") return undefined;
    if (segment.kind === "literal") {
      if (decode(part) !== segment.text) return undefined;
    } else {
      params[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
};

export class RouteTable<T> {
  readonly #routes: { entry: RouteEntry<T>; segments: Segment[] }[];

  constructor(entries: readonly RouteEntry<T>[]) {
    this.#routes = entries
      .map((entry) => ({ entry, segments: parseTemplate(entry.path) }))
      .sort((a, b) => compareSpecificity(a.segments, b.segments));
  }

  match(method: string, rawPath: string): RouteMatch<T> {
    const parts = rawPath.split("/").slice(1);
    const allowed = new Set<HttpMethod>();
    try {
      for (const { entry, segments } of this.#routes) {
        const pathParameters = matchSegments(segments, parts);
        if (!pathParameters) continue;
        // HEAD is served by the GET route, as the deployed gateway routes it (the edge drops the body).
        if (entry.method === method || (method === "HEAD" && entry.method === "GET")) {
          return { kind: "found", route: entry, pathParameters };
        }
        allowed.add(entry.method);
      }
    } catch (error) {
      if (error instanceof BadPath) return { kind: "bad-path" };
      throw error;
    }
    return allowed.size ? { kind: "method-not-allowed", allowed: [...allowed] } : { kind: "not-found" };
  }
}

export interface IncomingHttpRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** Lower-case names, each with all its values (node's `headersDistinct`). */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Buffer | undefined;
  readonly sourceIp: string;
  readonly requestId: string;
  readonly receivedAt: Date;
}

/** Shaped like API Gateway's own request ids (`JKJaXmPLvHcESHA=`). */
export const newRequestId = (): string => randomBytes(11).toString("base64");

/** API Gateway passes these as text; everything else (form posts included) arrives base64-encoded. */
export const isTextContentType = (contentType: string | undefined): boolean => {
  if (!contentType) return false;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    type.startsWith("text/") ||
    type === "application/json" ||
    type.endsWith("+json") ||
    type === "application/xml" ||
    type.endsWith("+xml") ||
    type === "application/javascript" ||
    type === "application/graphql"
  );
};

/** Duplicates joined with commas, as API Gateway does in payload format 2.0. */
export const queryStringParameters = (rawQueryString: string): Record<string, string> | undefined => {
  if (!rawQueryString) return undefined;
  const result: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    result[key] = key in result ? `${result[key]},${value}` : value;
  }
  return Object.keys(result).length ? result : undefined;
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** `23/Nov/2026:12:54:30 +0000`, the CLF time API Gateway puts in requestContext.time. */
export const clfTime = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
};

/** API Gateway hands claims to the function as strings: numbers and booleans printed, lists as `[a b]`. */
export const claimsAsApiGatewayDoes = (claims: JWTPayload): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string") result[name] = value;
    else if (Array.isArray(value)) result[name] = `[${value.map(String).join(" ")}]`;
    else if (typeof value === "object") result[name] = JSON.stringify(value);
    else result[name] = String(value);
  }
  return result;
};

export interface EventRoute {
  readonly method: HttpMethod;
  readonly path: string;
}

export const buildHttpEvent = (
  request: IncomingHttpRequest,
  route: EventRoute,
  pathParameters: Record<string, string>,
  authorizer?: { readonly claims: JWTPayload; readonly scopes: readonly string[] },
): APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer => {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headers)) {
    if (!values) continue;
    if (name === "cookie") {
      cookies = values
        .flatMap((v) => v.split(";"))
        .map((c) => c.trim())
        .filter(Boolean);
      continue;
    }
    headers[name] = values.join(",");
  }
  const host = headers.host ?? "127.0.0.1";
  const contentType = headers["content-type"];
  const hasBody = request.body !== undefined && request.body.length > 0;
  const text = isTextContentType(contentType);
  const query = queryStringParameters(request.rawQueryString);
  const requestContext = {
    accountId: "000000000000",
    apiId: "local",
    domainName: host,
    domainPrefix: host.split(".")[0] ?? host,
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: "HTTP/1.1",
      sourceIp: request.sourceIp,
      userAgent: headers["user-agent"] ?? "",
    },
    requestId: request.requestId,
    routeKey: `${route.method} ${route.path}`,
    stage: "$default",
    time: clfTime(request.receivedAt),
    timeEpoch: request.receivedAt.getTime(),
  };
  const base = {
    version: "2.0",
    routeKey: `${route.method} ${route.path}`,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(hasBody && request.body
      ? { body: text ? request.body.toString("utf8") : request.body.toString("base64") }
      : {}),
    isBase64Encoded: hasBody && !text,
  };
  if (!authorizer) return { ...base, requestContext };
  const jwt = { claims: claimsAsApiGatewayDoes(authorizer.claims), scopes: [...authorizer.scopes] };
  return { ...base, requestContext: { ...requestContext, authorizer: { jwt } } };
};

const structuredResultSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  multiValueHeaders: z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()]))).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
  cookies: z.array(z.string()).optional(),
});

export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/**
 * The function's result as API Gateway reads it: an object with `statusCode` is a structured
 * response; anything else is a 200 JSON body. A structured response that does not parse is the
 * function's fault: undefined here, a 500 for the caller.
 */
export const toHttpResponse = (result: unknown): HttpResponse | undefined => {
  const structured = typeof result === "object" && result !== null && "statusCode" in result;
  if (!structured) {
    const body = typeof result === "string" ? result : JSON.stringify(result ?? null);
    return {
      statusCode: 200,
      headers: [["content-type", "application/json"]],
      body: Buffer.from(body, "utf8"),
    };
  }
  const parsed = structuredResultSchema.safeParse(result);
  if (!parsed.success) return undefined;
  const {
    statusCode,
    headers = {},
    multiValueHeaders = {},
    body = "",
    isBase64Encoded,
    cookies = [],
  } = parsed.data;
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) pairs.push([name.toLowerCase(), String(value)]);
  for (const [name, values] of Object.entries(multiValueHeaders)) {
    for (const value of values) pairs.push([name.toLowerCase(), String(value)]);
  }
  for (const cookie of cookies) pairs.push(["set-cookie", cookie]);
  return { statusCode, headers: pairs, body: Buffer.from(body, isBase64Encoded ? "base64" : "utf8") };
};
