/** The settings routes (intake) wired to one set of deps, each called as API Gateway would. */
import type { IntakeDeps } from "../../services/intake/deps";
import { createHandler as createGet } from "../../services/intake/handlers/get-settings";
import { createHandler as createPut } from "../../services/intake/handlers/put-settings";
import { createHandler as createHistory } from "../../services/intake/handlers/settings-history";
import { type Claims, httpEvent } from "./http";
import { invokeHttp } from "./lambda";

/** A municipality's administrator: its settings and nothing else. */
export const settingsAdmin = (municipality: string, sub = `admin-${municipality}`): Claims => ({
  sub,
  scope: "settings:admin",
  municipality,
});

export const settingsHandlers = (deps: IntakeDeps) => {
  const fns = { get: createGet(deps), put: createPut(deps), history: createHistory(deps) };
  const path = (code: string) => `/v1/municipalities/${encodeURIComponent(code)}/settings`;
  return {
    get: (code: string, claims: Claims) =>
      invokeHttp(
        fns.get,
        "intake",
        httpEvent({
          method: "GET",
          rawPath: path(code),
          routePath: "/v1/municipalities/{code}/settings",
          pathParameters: { code },
          claims,
        }),
      ),
    put: (code: string, body: unknown, claims: Claims) =>
      invokeHttp(
        fns.put,
        "intake",
        httpEvent({
          method: "PUT",
          rawPath: path(code),
          routePath: "/v1/municipalities/{code}/settings",
          pathParameters: { code },
          body,
          claims,
        }),
      ),
    history: (code: string, claims: Claims) =>
      invokeHttp(
        fns.history,
        "intake",
        httpEvent({
          method: "GET",
          rawPath: `${path(code)}/history`,
          routePath: "/v1/municipalities/{code}/settings/history",
          pathParameters: { code },
          claims,
        }),
      ),
  };
};
