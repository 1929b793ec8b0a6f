/**
 * Signing in: locally, the runtime's own sign-in page; in AWS, OpenID Connect (authorization code
 * with PKCE) against the issuer the API trusts. Both end with an access token in memory.
 */
import type { AuthConfig } from "../config";
import type { Auth } from "./contract";

export type { Auth } from "./contract";

export const createAuth = async (config: AuthConfig): Promise<Auth> => {
  if (config.kind === "local") return (await import("./local")).localAuth(config);
  // Loaded only where it is used, so the local console and the first paint do without it.
  return (await import("./oidc")).oidcAuth(config);
};
