/**
 * The local runtime (infra/local) in a test: the real HTTP edge (routing, JWT checks, the API
 * Gateway event), queue consumers and schedules, on a free port, against resources from
 * provisionForTest. Background polling and schedules are off by default so a test decides when
 * things happen: `runtime.tick()` runs the schedules and drains the queues.
 */

import { type LocalLogger, silentLogger } from "../../infra/local/log";
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from "../../infra/local/runtime";
import { type DevelopmentTokens, developmentTokens, type TokenRequest } from "../../infra/local/tokens";
import type { ServiceDefinition } from "../../shared/service";
import { provisionForTest, type TestResources } from "./aws";
import { contractCheckFor } from "./contract";

let tokens: Promise<DevelopmentTokens> | undefined;
/** One in-memory signing key per test worker; nothing is written to .local/. */
export const testTokens = (): Promise<DevelopmentTokens> => {
  tokens ??= developmentTokens({ dir: null });
  return tokens;
};

export const signTestToken = async (request: TokenRequest): Promise<string> =>
  (await testTokens()).signToken(request);

export interface TestRuntime extends LocalRuntime {
  readonly resources: TestResources;
  /**
   * fetch against the runtime; `token` becomes the bearer token. Every response to a documented
   * operation is checked against the OpenAPI document (test/support/contract.ts): one off it
   * (status, content type or body) rejects, naming what differs.
   */
  request(path: string, init?: RequestInit & { readonly token?: string }): Promise<Response>;
  token(request: TokenRequest): Promise<string>;
}

export interface StartRuntimeForTestOptions
  extends Partial<Omit<LocalRuntimeOptions, "clients" | "resources" | "tokens" | "services">> {
  /** Default: the deployed services (infra/services.ts). */
  readonly services?: readonly ServiceDefinition[];
  /** Default: a fresh provisionForTest() (all tables and queues). */
  readonly resources?: TestResources;
  readonly logger?: LocalLogger;
  /** Check each response against the OpenAPI document (default: with the deployed services). */
  readonly checkResponses?: boolean;
}

export const startRuntimeForTest = async (options: StartRuntimeForTestOptions = {}): Promise<TestRuntime> => {
  const resources = options.resources ?? (await provisionForTest());
  const devTokens = await testTokens();
  const services = options.services ?? (await import("../../infra/services")).SERVICE_DEFINITIONS;
  // Fake services (tests of the gateway itself) are not held to a contract unless asked.
  const contract =
    (options.checkResponses ?? options.services === undefined) ? contractCheckFor(services) : undefined;
  const runtime = await startLocalRuntime({
    port: 0,
    pollers: false,
    scheduler: false,
    logger: silentLogger,
    ...options,
    services,
    clients: resources.clients,
    resources,
    tokens: devTokens,
  });
  return {
    ...runtime,
    // Spread copies a snapshot; these must read the live runtime.
    tick: () => runtime.tick(),
    stop: () => runtime.stop(),
    resources,
    token: (request) => devTokens.signToken(request),
    async request(path, init = {}) {
      const { token, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (token) merged.set("authorization", `Bearer ${token}`);
      const response = await fetch(`${runtime.url}${path}`, { ...rest, headers: merged });
      const problems = await contract?.check(rest.method ?? "GET", path.split("?")[0] ?? path, response);
      if (problems && problems.length > 0) {
        throw new Error(`the response is not as the OpenAPI document says:\n  ${problems.join("\n  ")}`);
      }
      return response;
    },
  };
};
