/**
 * The signed-in user: the access token and what the console reads from it. Held in memory only,
 * never in localStorage or sessionStorage, so it ends with the tab. The console reads the token's
 * claims to decide what to show; the API verifies the token on every request.
 */
import * as z from "zod/mini";

export interface Claims {
  readonly sub: string;
  /** Municipal staff have a kommunkod; Kriminalvården and Socialstyrelsen do not. */
  readonly municipality: string | undefined;
  readonly scopes: readonly string[];
  /** Seconds since the epoch. */
  readonly exp: number | undefined;
}

export interface Session {
  readonly accessToken: string;
  readonly claims: Claims;
}

const payloadSchema = z.object({
  sub: z.string(),
  municipality: z.optional(z.string()),
  scope: z.optional(z.string()),
  scp: z.optional(z.union([z.string(), z.array(z.string())])),
  exp: z.optional(z.number()),
});

const base64UrlDecode = (part: string): string => {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")), (c) =>
    c.charCodeAt(0),
  );
  return new TextDecoder().decode(bytes);
};

/** The claims of a JWT access token, unverified: the API, not the console, decides what it allows. */
export const readClaims = (accessToken: string): Claims => {
  const payload = accessToken.split(".")[1];
  if (!payload) throw new Error("The access token is not a JWT");
  const parsed = payloadSchema.parse(JSON.parse(base64UrlDecode(payload)));
  const { scope, scp } = parsed;
  const scopes =
    scope !== undefined ? scope.split(" ") : typeof scp === "string" ? scp.split(" ") : (scp ?? []);
  return {
    sub: parsed.sub,
    municipality: parsed.municipality,
    scopes: scopes.filter(Boolean),
    exp: parsed.exp,
  };
};

type Listener = () => void;

/** Why nobody is signed in, so the start page can say so. */
export type SignedOutReason = "expired" | "failed" | "signed-out" | undefined;

let current: Session | undefined;
let reason: SignedOutReason;
const listeners = new Set<Listener>();
const notify = () => {
  for (const listener of listeners) listener();
};

export const session = {
  get: (): Session | undefined => current,
  signedOutReason: (): SignedOutReason => reason,
  start(accessToken: string): Session {
    current = { accessToken, claims: readClaims(accessToken) };
    reason = undefined;
    notify();
    return current;
  },
  end(why: Exclude<SignedOutReason, undefined>): void {
    current = undefined;
    reason = why;
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
