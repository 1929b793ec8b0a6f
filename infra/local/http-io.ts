/** Reading requests and writing answers for the local HTTP server: bodies, problems, tokens, loopback. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { PROBLEM_CONTENT_TYPE, problemBody } from "../../shared/http/problem";

export const localProblem = (status: number, detail?: string): Record<string, unknown> =>
  problemBody(status, detail ? { detail } : {});

export const send = (
  res: ServerResponse,
  statusCode: number,
  headers: readonly (readonly [string, string])[],
  body: Buffer | string,
): void => {
  if (res.headersSent) return;
  res.statusCode = statusCode;
  for (const [name, value] of headers) res.appendHeader(name, value);
  res.end(body);
};

export const sendJson = (
  res: ServerResponse,
  statusCode: number,
  value: unknown,
  contentType = "application/json",
) => send(res, statusCode, [["content-type", contentType]], JSON.stringify(value));

export const sendProblem = (
  res: ServerResponse,
  statusCode: number,
  detail?: string,
  headers: readonly (readonly [string, string])[] = [],
): void =>
  send(
    res,
    statusCode,
    [["content-type", PROBLEM_CONTENT_TYPE], ...headers],
    JSON.stringify(localProblem(statusCode, detail)),
  );

export type BodyResult = { readonly kind: "ok"; readonly body: Buffer } | { readonly kind: "too-large" };

/** Stops reading at the limit instead of buffering whatever a client sends. */
export const readBody = (req: IncomingMessage, limit: number): Promise<BodyResult> => {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: "too-large" });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve({ kind: "ok", body: Buffer.concat(chunks) }));
    req.once("error", reject);
  });
};

/** The control surface must not be reachable from a web page through DNS rebinding. */
export const isLoopbackHost = (host: string | undefined): boolean => {
  const name = (host ?? "").replace(/:\d+$/, "").toLowerCase();
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
};

export const isJson = (req: IncomingMessage): boolean =>
  (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";

export const bearerToken = (header: string | undefined): string | undefined =>
  /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? "")?.[1];
