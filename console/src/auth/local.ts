/**
 * The local runtime's sign-in (never deployed): its page mints a development token for the role
 * chosen and sends the browser back with a one-time code, which the console exchanges for the token
 * with a JSON POST, as a real authorization code is exchanged; the token never travels in a URL.
 */
import * as z from "zod/mini";
import type { AuthConfig } from "../config";
import { type Auth, forgetCallbackParameters } from "./contract";

const tokenResponseSchema = z.object({ access_token: z.string() });

export const localAuth = (config: Extract<AuthConfig, { kind: "local" }>): Auth => ({
  async signIn() {
    location.assign(config.signInUrl);
  },
  async completeSignIn() {
    const code = new URLSearchParams(location.search).get("code");
    if (!code) return undefined;
    forgetCallbackParameters();
    const response = await fetch(config.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    });
    if (!response.ok) throw new Error(`the local token endpoint answered ${response.status}`);
    return tokenResponseSchema.parse(await response.json()).access_token;
  },
  async signOut() {
    // The local runtime keeps no session: forgetting the token is signing out.
  },
});
