/** API Gateway HTTP API (payload 2.0) events with verified JWT claims, as every service's tests send them. */
import { randomUUID } from "node:crypto";
import type { HttpEvent } from "../../shared/http/edge";

/** The verified claims of a caller's token. */
export interface Claims {
  readonly sub: string;
  readonly scope: string;
  readonly municipality?: string;
}

export interface EventRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH";
  readonly rawPath: string;
  readonly routePath: string;
  readonly pathParameters?: Record<string, string>;
  readonly query?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly claims?: Claims;
}

/** What API Gateway's HTTP API (payload 2.0) hands the function once the JWT authorizer passed. */
export const httpEvent = (request: EventRequest): HttpEvent => {
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === "string"
        ? request.body
        : JSON.stringify(request.body);
  const requestId = randomUUID();
  const query = request.query;
  const rawQueryString = query ? new URLSearchParams(query).toString() : "";
  const event = {
    version: "2.0",
    routeKey: `${request.method} ${request.routePath}`,
    rawPath: request.rawPath,
    rawQueryString,
    headers: {
      host: "api.local",
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...request.headers,
    },
    ...(query ? { queryStringParameters: query } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: "000000000000",
      apiId: "test",
      domainName: "api.local",
      domainPrefix: "api",
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "vitest",
      },
      requestId,
      routeKey: `${request.method} ${request.routePath}`,
      stage: "$default",
      time: "01/Jan/2026:00:00:00 +0000",
      timeEpoch: 0,
      authorizer: {
        jwt: {
          claims: request.claims ? { ...request.claims } : {},
          scopes: request.claims ? request.claims.scope.split(" ") : [],
        },
        principalId: "",
        integrationLatency: 0,
      },
    },
  };
  return event as HttpEvent;
};
