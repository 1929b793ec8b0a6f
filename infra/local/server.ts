import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { errors as joseErrors } from "jose";
import { z } from "zod";
import type { ServiceName } from "../../shared/resources";
import type { FunctionDefinition, HttpMethod } from "../../shared/service";
import { buildHttpEvent, type IncomingHttpRequest, newRequestId, RouteTable, toHttpResponse } from "./apigw";
import type { LocalConsole } from "./console";
import { bearerToken, isJson, isLoopbackHost, readBody, send, sendJson, sendProblem } from "./http-io";
import type { HttpFunction } from "./lambda";
import type { LocalLogger } from "./log";
import type { DevelopmentTokens, VerifiedToken } from "./tokens";

const LOOPBACK = "127.0.0.1";
/** Far below API Gateway's 10 MB and Lambda's 6 MB: nothing this API accepts comes near it. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
const CLOSE_GRACE_MS = 35_000;

export type HttpFunctionDefinition = Extract<FunctionDefinition, { kind: "http" }>;

export interface HttpRouteTarget {
  readonly service: ServiceName;
  readonly definition: HttpFunctionDefinition;
  /** Absent when the handler's module is missing or failed to load: the route answers 503. */
  readonly fn?: HttpFunction;
}

export interface LocalControl {
  clock(): { readonly now: string; readonly pinned: boolean };
  setClock(now: Date | undefined): void;
  tick(): Promise<{ readonly statusCode: number; readonly body: unknown }>;
  /** The local mailbox's mails, newest first (infra/local/mailbox.ts). */
  mail?(): readonly unknown[];
}

export interface LocalServerOptions {
  /** Default 3000; 0 picks a free port. Always loopback. */
  readonly port?: number;
  readonly tokens: Pick<DevelopmentTokens, "verifyToken" | "jwks">;
  readonly control: LocalControl;
  /** The OpenAPI document, or undefined while the module that builds it does not exist. */
  readonly openApi: (baseUrl: string) => Promise<unknown>;
  readonly logger: LocalLogger;
  readonly bodyLimitBytes?: number;
  /** The staff console and its local sign-in (infra/local/console.ts), served before the API's routes. */
  readonly console?: LocalConsole;
}

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  setRoutes(targets: readonly HttpRouteTarget[]): void;
  /** /health answers 200 only when ready, and every route 503 before. */
  setReady(ready: boolean): void;
  close(): Promise<void>;
}

const clockBodySchema = z.strictObject({ now: z.iso.datetime({ offset: true }).nullable() });

export const startLocalServer = async (options: LocalServerOptions): Promise<LocalServer> => {
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const { logger } = options;
  let routes = new RouteTable<HttpRouteTarget>([]);
  let ready = false;
  let baseUrl = "";

  const tooLarge = (req: IncomingMessage, res: ServerResponse): void => {
    // Closing the connection is the only way to stop a client that keeps sending.
    res.once("finish", () => req.destroy());
    sendProblem(res, 413, `The body may be at most ${limit} bytes`, [["connection", "close"]]);
  };

  const handleLocal = async (
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
  ): Promise<boolean> => {
    const method = req.method ?? "GET";
    if (rawPath === "/health") {
      if (method !== "GET") sendProblem(res, 405, undefined, [["allow", "GET"]]);
      else if (ready) sendJson(res, 200, { status: "ok" });
      else sendProblem(res, 503, "The local runtime is starting or stopping");
      return true;
    }
    if (rawPath === "/openapi.json") {
      if (method !== "GET") {
        sendProblem(res, 405, undefined, [["allow", "GET"]]);
        return true;
      }
      const document = await options.openApi(baseUrl);
      if (document === undefined) sendProblem(res, 503, "The OpenAPI document is not available yet");
      else sendJson(res, 200, document);
      return true;
    }
    if (!rawPath.startsWith("/_local/")) return false;
    if (!isLoopbackHost(req.headers.host)) {
      sendProblem(res, 403, "The local control surface answers on loopback host names only");
      return true;
    }
    const post = async (run: (body: unknown) => Promise<void>, allow = "POST"): Promise<void> => {
      if (method !== "POST") return sendProblem(res, 405, undefined, [["allow", allow]]);
      // A JSON content type makes a browser ask first (CORS preflight), which this server never grants.
      if (!isJson(req)) return sendProblem(res, 415, "Send application/json");
      const read = await readBody(req, limit);
      if (read.kind === "too-large") return tooLarge(req, res);
      let body: unknown;
      try {
        body = read.body.length ? JSON.parse(read.body.toString("utf8")) : {};
      } catch {
        return sendProblem(res, 400, "The body is not valid JSON");
      }
      await run(body);
    };
    switch (rawPath) {
      case "/_local/clock":
        if (method === "GET") {
          sendJson(res, 200, options.control.clock());
          return true;
        }
        await post(async (body) => {
          const parsed = clockBodySchema.safeParse(body);
          if (!parsed.success) {
            return sendProblem(res, 400, 'Send {"now": "<ISO 8601 date-time with offset>"} or {"now": null}');
          }
          options.control.setClock(parsed.data.now === null ? undefined : new Date(parsed.data.now));
          const state = options.control.clock();
          logger.info(state.pinned ? `clock pinned at ${state.now}` : "clock follows the real time again");
          sendJson(res, 200, state);
        }, "GET, POST");
        return true;
      case "/_local/tick":
        await post(async () => {
          const result = await options.control.tick();
          sendJson(res, result.statusCode, result.body);
        });
        return true;
      case "/_local/mail":
        if (method !== "GET") sendProblem(res, 405, undefined, [["allow", "GET"]]);
        else sendJson(res, 200, options.control.mail?.() ?? []);
        return true;
      case "/_local/jwks.json":
        if (method !== "GET") sendProblem(res, 405, undefined, [["allow", "GET"]]);
        else sendJson(res, 200, options.tokens.jwks);
        return true;
      default:
        sendProblem(res, 404);
        return true;
    }
  };

  const handleRoute = async (
    req: IncomingMessage,
    res: ServerResponse,
    request: Omit<IncomingHttpRequest, "body">,
  ): Promise<string> => {
    const match = routes.match(request.method, request.rawPath);
    if (match.kind === "bad-path") {
      sendProblem(res, 400, "The path is not validly percent-encoded");
      return "(bad path)";
    }
    if (match.kind === "not-found") {
      sendProblem(res, 404);
      return "(no route)";
    }
    if (match.kind === "method-not-allowed") {
      sendProblem(res, 405, undefined, [["allow", match.allowed.join(", ")]]);
      return "(no route for method)";
    }
    const target = match.route.value;
    const route = target.definition.route;
    const label = `${route.method} ${route.path}`;
    if (!target.fn) {
      sendProblem(res, 503, "This route's handler is not loaded in the local runtime; see its log");
      return label;
    }

    let authorizer: VerifiedToken | undefined;
    if (route.auth.type === "jwt") {
      const token = bearerToken(req.headers.authorization);
      if (!token) {
        sendProblem(res, 401, "Send a bearer token in the Authorization header", [
          ["www-authenticate", "Bearer"],
        ]);
        return label;
      }
      try {
        authorizer = await options.tokens.verifyToken(token);
      } catch (error) {
        const detail =
          error instanceof joseErrors.JWTExpired
            ? "The bearer token has expired"
            : "The bearer token is not valid";
        sendProblem(res, 401, detail, [["www-authenticate", 'Bearer error="invalid_token"']]);
        return label;
      }
      const granted = authorizer.scopes;
      if (!route.auth.scopes.some((scope) => granted.includes(scope))) {
        sendProblem(res, 403, `This route needs one of the scopes: ${route.auth.scopes.join(" ")}`, [
          ["www-authenticate", `Bearer error="insufficient_scope", scope="${route.auth.scopes.join(" ")}"`],
        ]);
        return label;
      }
    }

    const read = await readBody(req, limit);
    if (read.kind === "too-large") {
      tooLarge(req, res);
      return label;
    }
    const event = buildHttpEvent({ ...request, body: read.body }, route, match.pathParameters, authorizer);
    const result = await target.fn.invoke(event);
    if (!result.ok) {
      logger.error(`${target.definition.id} ${result.timedOut ? "timed out" : "threw"}`, result.error);
      sendProblem(res, result.timedOut ? 504 : 500);
      return label;
    }
    const response = toHttpResponse(result.value);
    if (!response) {
      logger.error(
        `${target.definition.id} returned a response API Gateway cannot read (statusCode, headers, body)`,
      );
      sendProblem(res, 500);
      return label;
    }
    send(res, response.statusCode, response.headers, response.body);
    return label;
  };

  // Requests being answered, so that close() lets them finish (a graceful stop loses no answer).
  let answering = 0;
  let onIdle: (() => void) | undefined;
  const server = createServer((req, res) => {
    answering++;
    res.once("close", () => {
      if (--answering === 0) onIdle?.();
    });
    const started = performance.now();
    const requestId = newRequestId();
    res.setHeader("apigw-requestid", requestId);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const rawQueryString = queryAt === -1 ? "" : url.slice(queryAt + 1);
    const method = req.method ?? "GET";

    void (async () => {
      let label = "";
      try {
        if (await options.console?.handle(req, res, rawPath)) {
          if (rawPath.startsWith("/_local/")) label = `${method} ${rawPath}`;
          return;
        }
        if (await handleLocal(req, res, rawPath)) {
          if (rawPath.startsWith("/_local/")) label = `${method} ${rawPath}`;
          return;
        }
        if (!ready) {
          sendProblem(res, 503, "The local runtime is starting or stopping");
          return;
        }
        label = await handleRoute(req, res, {
          method,
          rawPath,
          rawQueryString,
          headers: req.headersDistinct,
          sourceIp: req.socket.remoteAddress ?? LOOPBACK,
          requestId,
          receivedAt: new Date(),
        });
      } catch (error) {
        logger.error(`${method} ${label || "(request)"} failed in the local runtime`, error);
        sendProblem(res, 500);
      } finally {
        // The route template, not the path: a path can carry an identifier, a body or query string anything.
        if (label) logger.info(`${label} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${options.port ?? 3000} is in use; set PORT to another`)
          : error,
      );
    server.once("error", onError);
    server.listen(options.port ?? 3000, LOOPBACK, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 3000);
  baseUrl = `http://${LOOPBACK}:${port}`;

  return {
    url: baseUrl,
    port,
    setRoutes(targets) {
      routes = new RouteTable(
        targets.map((target) => ({
          method: target.definition.route.method satisfies HttpMethod,
          path: target.definition.route.path,
          value: target,
        })),
      );
    },
    setReady(value) {
      ready = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        ready = false;
        server.close(() => resolve());
        // Handlers give up within API Gateway's 30 s, so a request being answered is done by then.
        onIdle = () => server.closeAllConnections();
        if (answering === 0) onIdle();
        else setTimeout(onIdle, CLOSE_GRACE_MS).unref();
      }),
  };
};
