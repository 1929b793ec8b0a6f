/**
 * The typed API client: openapi-fetch over the types generated from the API's own OpenAPI
 * document (./schema.d.ts, `npm run console:api`). It adds the bearer token, retries reads while
 * the server cannot be reached (and says so), and ends the session when the token is refused.
 */
import createClient, { type Middleware } from "openapi-fetch";
import { session } from "../auth/session";
import { connection } from "./connection";
import { ApiError, ConnectionLost, toProblem } from "./problem";
import type { paths } from "./schema";

/** Seconds between attempts while the server is unreachable; the last repeats. */
const RETRY_SECONDS = [1, 2, 5, 10, 20, 30];

const sleep = (ms: number, signal: AbortSignal | null): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * A read is retried until the server answers: nothing is lost by asking again. A write is not,
 * since the server may have done it: the caller says that it is unknown whether it was saved.
 */
const resilientFetch = async (request: Request): Promise<Response> => {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(request.clone());
      connection.reachable();
      return response;
    } catch (error) {
      if (request.signal.aborted) throw error;
      if (request.method !== "GET") {
        connection.unreachable();
        throw new ConnectionLost();
      }
      const seconds = RETRY_SECONDS[Math.min(attempt, RETRY_SECONDS.length - 1)] ?? 30;
      connection.unreachable(Date.now() + seconds * 1000);
      await sleep(seconds * 1000, request.signal);
    }
  }
};

const bearer: Middleware = {
  onRequest({ request }) {
    const current = session.get();
    if (current) request.headers.set("authorization", `Bearer ${current.accessToken}`);
    return request;
  },
  onResponse({ response }) {
    // Expired or revoked: every further call would be refused too.
    if (response.status === 401 && session.get()) session.end("expired");
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin, fetch: resilientFetch });
api.use(bearer);

/** The data of a successful answer, or an ApiError carrying the problem. */
export const unwrap = async <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(toProblem(response.status, error));
  return data as T;
};
