import middy, { type MiddlewareObj } from "@middy/core";
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from "aws-lambda";
import type * as z from "zod/mini";
import { type Caller, hasAnyScope, NATIONAL_SCOPE } from "../domain/caller";
import { DomainError, type DomainErrorKind } from "../domain/errors";
import { containsIdentityNumber } from "../identity/in-text";
import { describeError, type Logger } from "../logger";
import { FAULT_NAMESPACE, UNHANDLED_ERROR_METRIC } from "../runtime/fault-metrics";
import type { HttpRoute } from "../service";
import { callerFromEvent } from "./auth";
import { parseClientInput } from "./messages";
import { type FieldError, HttpProblem, PROBLEM_CONTENT_TYPE, problemBody } from "./problem";

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;
export type HttpLambda = (event: HttpEvent, context: Context) => Promise<HttpResult>;

type Out<T> = T extends z.core.$ZodType ? z.output<T> : undefined;

export interface HttpRequest<R extends HttpRoute> {
  readonly params: Out<R["request"]["params"]>;
  readonly query: Out<R["request"]["query"]>;
  readonly body: Out<R["request"]["body"]>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Present on JWT routes; webhook routes authenticate themselves. */
  readonly caller: R["auth"]["type"] extends "jwt" ? Caller : undefined;
  readonly correlationId: string;
  readonly event: HttpEvent;
}

export interface HttpResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const CORRELATION_HEADER = "x-correlation-id";
const CORRELATION_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const json = (status: number, body?: unknown, headers?: Record<string, string>): HttpResponse => ({
  status,
  ...(body === undefined ? {} : { body }),
  ...(headers ? { headers } : {}),
});

/** Each issue names the field and the rule (see ruleMessage), never the value; we keep only path and message. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string): FieldError[] =>
  error.issues.flatMap((issue) => {
    const base = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "is not a known field" }));
    }
    return [{ path: base.join(".") || "(body)", message: issue.message }];
  });

const parseBody = (route: HttpRoute, event: HttpEvent, maxBytes: number): unknown => {
  if (!route.request.body) return undefined;
  const raw = event.body ?? "";
  const text = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new HttpProblem(413, `The body must be at most ${maxBytes} bytes`);
  }
  const expected = route.request.bodyContentType ?? "application/json";
  const contentType = (event.headers?.["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (text.length > 0 && contentType !== "" && contentType !== expected) {
    throw new HttpProblem(415, `The body must be ${expected}`);
  }
  if (expected === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "The body is not valid JSON", [
      { path: "(body)", message: "must be valid JSON" },
    ]);
  }
};

/** Validates one part of the request; errors are collected so one answer names every bad field. */
const validate = <S extends z.core.$ZodType | undefined>(
  schema: S,
  input: unknown,
  errors: FieldError[],
  prefix?: string,
): Out<S> => {
  if (!schema) return undefined as Out<S>;
  const result = parseClientInput(schema, input);
  if (result.success) return result.data as Out<S>;
  errors.push(...fieldErrors(result.error, prefix));
  return undefined as Out<S>;
};

/**
 * On every answer: most carry personal data or a municipality's case figures, none may sit in a
 * shared cache or a browser's, and none may be sniffed into another content type.
 */
const SAFETY_HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" } as const;

const toResult = (response: HttpResponse, correlationId: string): HttpResult => {
  const headers: Record<string, string> = {
    ...SAFETY_HEADERS,
    [CORRELATION_HEADER]: correlationId,
    ...response.headers,
  };
  if (response.body === undefined) return { statusCode: response.status, headers };
  if (typeof response.body === "string") {
    return {
      statusCode: response.status,
      headers: { "content-type": "text/plain; charset=utf-8", ...headers },
      body: response.body,
    };
  }
  return {
    statusCode: response.status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(response.body),
  };
};

export const problemResult = (
  status: number,
  correlationId: string,
  options: { detail?: string; errors?: FieldError[]; type?: string } = {},
): HttpResult => ({
  statusCode: status,
  headers: {
    ...SAFETY_HEADERS,
    "content-type": PROBLEM_CONTENT_TYPE,
    [CORRELATION_HEADER]: correlationId,
    ...(status === 401 ? { "www-authenticate": "Bearer" } : {}),
  },
  body: JSON.stringify(problemBody(status, { ...options, correlationId })),
});

interface EdgeState {
  correlationId: string;
  startedAt: number;
}

/**
 * Per invocation, keyed by the event object: a handler may serve concurrent requests locally
 * (one process serves every route), so nothing per-request lives in the closure.
 */
const states = new WeakMap<HttpEvent, EdgeState>();
const stateOf = (event: HttpEvent): EdgeState =>
  states.get(event) ?? { correlationId: "unknown", startedAt: Date.now() };

/**
 * Every line of the invocation carries its Lambda context (its request id); the keys the previous
 * invocation appended are dropped first.
 */
const lambdaContext = (logger: Logger): MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    logger.resetKeys();
    logger.addContext(request.context);
  },
});

/** Correlation id from the caller (if well-formed) or the gateway's request id; every log line carries it. */
const correlation = (logger: Logger): MiddlewareObj<HttpEvent, HttpResult> => ({
  before: (request) => {
    const offered = request.event.headers?.[CORRELATION_HEADER];
    const correlationId =
      // A caller's id that holds a personnummer would put a person into every log line: not kept.
      offered && CORRELATION_PATTERN.test(offered) && !containsIdentityNumber(offered)
        ? offered
        : (request.event.requestContext?.requestId ?? "unknown");
    states.set(request.event, { correlationId, startedAt: Date.now() });
    logger.appendKeys({ correlationId });
  },
});

/**
 * The unhandled-error metric, in the error's own log line (EMF: CloudWatch reads the metric from
 * it), rather than a metric filter per function's log group, which would cost a stack resource
 * each. Its one dimension is the `service` field the logger writes on every line.
 */
const unhandledErrorMetric = () => ({
  _aws: {
    Timestamp: Date.now(),
    CloudWatchMetrics: [
      {
        Namespace: FAULT_NAMESPACE,
        Dimensions: [["service"]],
        Metrics: [{ Name: UNHANDLED_ERROR_METRIC, Unit: "Count" }],
      },
    ],
  },
  [UNHANDLED_ERROR_METRIC]: 1,
});

/** The one place a domain error becomes an HTTP status. */
const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  unprocessable: 422,
};

/** Every failure becomes problem+json. Only our own DomainError and HttpProblem texts reach the caller. */
const problems = (route: HttpRoute, logger: Logger): MiddlewareObj<HttpEvent, HttpResult> => {
  const access = (state: EdgeState, status: number) =>
    logger.info("request", {
      method: route.method,
      route: route.path,
      status,
      ms: Date.now() - state.startedAt,
    });
  return {
    after: (request) => {
      access(stateOf(request.event), request.response?.statusCode ?? 0);
    },
    onError: (request) => {
      const state = stateOf(request.event);
      const error = request.error;
      if (error instanceof DomainError) {
        request.response = problemResult(DOMAIN_STATUS[error.kind], state.correlationId, {
          detail: error.detail,
          ...(error.fields?.length ? { errors: [...error.fields] } : {}),
          ...(error.code ? { type: error.code } : {}),
        });
      } else if (error instanceof HttpProblem) {
        request.response = problemResult(error.status, state.correlationId, {
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.errors ? { errors: error.errors } : {}),
          ...(error.problemType ? { type: error.problemType } : {}),
        });
      } else {
        logger.error("unhandled error", { error: describeError(error), ...unhandledErrorMetric() });
        request.response = problemResult(500, state.correlationId);
      }
      access(state, request.response.statusCode ?? 500);
    },
  };
};

/**
 * The HTTP edge every route shares: correlation id, structured logs, auth from the verified claims,
 * body parsing with a size limit, validation of path, query and body against the route's zod
 * schemas, and problem+json for every failure. The handler sees only validated input.
 */
export const createHttpHandler = <R extends HttpRoute>(
  route: R,
  logger: Logger,
  impl: (request: HttpRequest<R>) => Promise<HttpResponse>,
  options: { maxBodyBytes?: number } = {},
): HttpLambda => {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handler = middy<HttpEvent, HttpResult>()
    .use(lambdaContext(logger))
    .use(correlation(logger))
    .use(problems(route, logger))
    .handler(async (event) => {
      const { correlationId } = stateOf(event);
      let caller: Caller | undefined;
      if (route.auth.type === "jwt") {
        caller = callerFromEvent(event);
        // API Gateway's authorizer already checked this; checked again so a misconfigured route fails closed.
        if (!caller) throw new HttpProblem(401);
        if (!hasAnyScope(caller, route.auth.scopes)) {
          throw new HttpProblem(403, `Requires scope ${route.auth.scopes.join(" or ")}`);
        }
        // A missing claim is not national access: that is granted by its own scope.
        if (caller.municipality === undefined && !caller.scopes.has(NATIONAL_SCOPE)) {
          throw new HttpProblem(
            403,
            `A token without a municipality claim needs the scope ${NATIONAL_SCOPE}`,
          );
        }
      }
      const errors: FieldError[] = [];
      const params = validate(route.request.params, event.pathParameters ?? {}, errors, "path");
      const query = validate(route.request.query, event.queryStringParameters ?? {}, errors, "query");
      const body = validate(route.request.body, parseBody(route, event, maxBodyBytes), errors);
      if (errors.length > 0) throw new HttpProblem(400, "Some fields are not valid", errors);
      const headers = event.headers ?? {};
      const response = await impl({
        params,
        query,
        body,
        headers,
        caller,
        correlationId,
        event,
      } as HttpRequest<R>);
      return toResult(response, correlationId);
    });
  return async (event, context) => {
    const result = await handler(event, context);
    return event.requestContext?.http?.method === "HEAD" ? withoutBody(result) : result;
  };
};

/**
 * HEAD is GET without the body (RFC 9110 §9.3.2): the gateway routes HEAD to every GET route's
 * function, which answers as for GET, and the body is dropped here, its length kept.
 */
const withoutBody = (result: HttpResult): HttpResult => {
  const { body, ...rest } = result;
  if (body === undefined) return rest;
  return { ...rest, headers: { ...rest.headers, "content-length": String(Buffer.byteLength(body, "utf8")) } };
};
