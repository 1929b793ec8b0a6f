/**
 * The staff console in the local runtime: built with esbuild when the runtime starts and served
 * from memory at `/` on the API's origin (no CORS), with the security headers CloudFront adds in
 * AWS, and the local-only sign-in (never deployed): `/_local/sign-in` mints a development token for
 * the role chosen and hands it to the console through a one-time code exchanged at `/_local/token`.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { buildConsole, type ConsoleBuild } from "../../console/build";
import { parseSignIn, signInPage } from "../../console/local-sign-in";
import { contentSecurityPolicy } from "../../console/security-headers";
import { PROBLEM_CONTENT_TYPE, problemBody } from "../../shared/http/problem";
import type { DevelopmentTokens } from "./tokens";

export const SIGN_IN_PATH = "/_local/sign-in";
export const TOKEN_PATH = "/_local/token";

/**
 * What CloudFront's response headers policy sends in AWS (infra/constructs/console-site.ts), but
 * HSTS: the local runtime is plain HTTP on loopback, where a browser ignores it.
 */
export const CONSOLE_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ["content-security-policy", contentSecurityPolicy()],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
];

const CODE_TTL_MS = 60_000;
const FORM_LIMIT_BYTES = 16 * 1024;
const tokenRequestSchema = z.object({ code: z.string().min(1).max(200) });

export interface LocalConsole {
  /** Answers the console's paths and returns true; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<boolean>;
}

export interface LocalConsoleOptions {
  readonly tokens: Pick<DevelopmentTokens, "signToken">;
  /** Default: a fresh build with source maps. */
  readonly build?: ConsoleBuild;
}

/** Like the control surface: a page that mints tokens must not answer a DNS-rebound host name. */
const isLoopbackHost = (host: string | undefined): boolean => {
  const name = (host ?? "").replace(/:\d+$/, "").toLowerCase();
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
};

const readBody = async (req: IncomingMessage): Promise<string | undefined> => {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
};

const mediaType = (req: IncomingMessage): string =>
  (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

const send = (
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  extra: readonly (readonly [string, string])[] = [],
): void => {
  res.statusCode = status;
  for (const [name, value] of [
    ...CONSOLE_SECURITY_HEADERS,
    ["content-type", contentType] as const,
    ...extra,
  ]) {
    res.setHeader(name, value);
  }
  res.end(body);
};

const problem = (res: ServerResponse, status: number, detail: string, allow?: string): void =>
  send(
    res,
    status,
    PROBLEM_CONTENT_TYPE,
    JSON.stringify(problemBody(status, { detail })),
    allow ? [["allow", allow]] : [],
  );

export const createLocalConsole = async (options: LocalConsoleOptions): Promise<LocalConsole> => {
  const built = options.build ?? (await buildConsole({ sourcemap: true }));
  const stylesheet = [...built.files.keys()].find((path) => path.endsWith(".css"));
  const codes = new Map<string, { readonly token: string; readonly expiresAt: number }>();
  const config = JSON.stringify({ auth: { kind: "local", signInUrl: SIGN_IN_PATH, tokenUrl: TOKEN_PATH } });

  const signIn = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === "GET" || req.method === "HEAD") {
      return send(res, 200, "text/html; charset=utf-8", signInPage(stylesheet), [
        ["cache-control", "no-store"],
      ]);
    }
    if (req.method !== "POST") return problem(res, 405, "GET or POST", "GET, POST");
    if (mediaType(req) !== "application/x-www-form-urlencoded") return problem(res, 415, "Send the form");
    const body = await readBody(req);
    if (body === undefined) return problem(res, 413, `The form may be at most ${FORM_LIMIT_BYTES} bytes`);
    const form = new URLSearchParams(body);
    const parsed = parseSignIn(form);
    if (!parsed.ok)
      return send(res, 400, "text/html; charset=utf-8", signInPage(stylesheet, form, parsed.errors));
    const { role, municipality, sub } = parsed.choice;
    const token = await options.tokens.signToken({
      scope: role.scope,
      sub,
      ...(municipality ? { municipality } : {}),
    });
    const now = Date.now();
    for (const [code, entry] of codes) if (entry.expiresAt <= now) codes.delete(code);
    const code = randomBytes(24).toString("base64url");
    codes.set(code, { token, expiresAt: now + CODE_TTL_MS });
    send(res, 303, "text/plain; charset=utf-8", "", [["location", `/?code=${code}`]]);
  };

  const exchange = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") return problem(res, 405, "POST", "POST");
    // A JSON body makes a browser ask first (CORS preflight), which this server never grants.
    if (mediaType(req) !== "application/json") return problem(res, 415, "Send application/json");
    const body = await readBody(req);
    let parsed: z.infer<typeof tokenRequestSchema> | undefined;
    try {
      parsed = tokenRequestSchema.parse(JSON.parse(body ?? ""));
    } catch {
      return problem(res, 400, 'Send {"code": "<the code from the sign-in page>"}');
    }
    const entry = codes.get(parsed.code);
    codes.delete(parsed.code);
    if (!entry || entry.expiresAt <= Date.now())
      return problem(res, 400, "The code is unknown, used or expired");
    send(res, 200, "application/json", JSON.stringify({ access_token: entry.token, token_type: "Bearer" }), [
      ["cache-control", "no-store"],
    ]);
  };

  return {
    async handle(req, res, rawPath) {
      if (rawPath === SIGN_IN_PATH || rawPath === TOKEN_PATH) {
        if (!isLoopbackHost(req.headers.host)) {
          problem(res, 403, "The local sign-in answers on loopback host names only");
        } else if (rawPath === SIGN_IN_PATH) {
          await signIn(req, res);
        } else {
          await exchange(req, res);
        }
        return true;
      }
      if (rawPath === "/config.json") {
        send(res, 200, "application/json", config, [["cache-control", "no-store"]]);
        return true;
      }
      const file = built.files.get(rawPath === "/" ? "index.html" : rawPath.slice(1));
      if (!file) return false;
      if (req.method !== "GET" && req.method !== "HEAD") {
        problem(res, 405, "GET", "GET, HEAD");
        return true;
      }
      send(res, 200, file.contentType, req.method === "HEAD" ? "" : file.contents, [
        ["cache-control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache"],
      ]);
      return true;
    },
  };
};
