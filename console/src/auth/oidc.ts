/**
 * OpenID Connect with oidc-client-ts: authorization code with PKCE. The user (and its tokens) is
 * kept in memory; only the short-lived sign-in state (the PKCE verifier) is in sessionStorage,
 * because it must survive the round trip to the identity provider, and it is removed on return.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { AuthConfig } from "../config";
import { type Auth, forgetCallbackParameters } from "./contract";

export const oidcAuth = (config: Extract<AuthConfig, { kind: "oidc" }>): Auth => {
  const home = `${location.origin}/`;
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: "code",
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    // Renewal in a hidden iframe is blocked by the console's Content-Security-Policy (frame-src
    // 'none'); when the token runs out the console says so and the user signs in again.
    automaticSilentRenew: false,
    loadUserInfo: false,
    monitorSession: false,
  });
  return {
    async signIn() {
      await manager.signinRedirect();
    },
    async completeSignIn() {
      const parameters = new URLSearchParams(location.search);
      if (!parameters.has("state") || !(parameters.has("code") || parameters.has("error"))) return undefined;
      try {
        const user = await manager.signinRedirectCallback();
        return user.access_token;
      } finally {
        forgetCallbackParameters();
      }
    },
    async signOut() {
      await manager.removeUser();
      // Not every provider publishes an end-session endpoint (Cognito does not); then the
      // provider's own session stays, and the console has forgotten the tokens.
      const metadata = await manager.metadataService.getMetadata().catch(() => undefined);
      if (metadata?.end_session_endpoint) await manager.signoutRedirect();
    },
  };
};
