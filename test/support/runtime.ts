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
  /** fetch against the runtime; `token` becomes the bearer token. */
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
}

export const startRuntimeForTest = async (options: StartRuntimeForTestOptions = {}): Promise<TestRuntime> => {
  const resources = options.resources ?? (await provisionForTest());
  const devTokens = await testTokens();
  const runtime = await startLocalRuntime({
    port: 0,
    pollers: false,
    scheduler: false,
    logger: silentLogger,
    ...options,
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
    request(path, init = {}) {
      const { token, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (token) merged.set("authorization", `Bearer ${token}`);
      return fetch(`${runtime.url}${path}`, { ...rest, headers: merged });
    },
  };
};
