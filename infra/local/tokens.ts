import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { z } from "zod";
import { PROJECT } from "../../shared/resources";
import { LOCAL_DATA_DIR } from "./paths";

/**
 * A fixed issuer rather than the server's URL: tokens stay valid when the port changes, and the
 * reserved .invalid domain can never be a real identity provider.
 */
export const LOCAL_ISSUER = "https://local.ny-riktning.invalid/";
export const LOCAL_AUDIENCE = PROJECT;
/** API Gateway's JWT authorizer accepts RSA keys only, so the local key set is RSA too. */
const ALGORITHM = "RS256";
const KEY_FILE = "jwt-signing-key.json";
const DEFAULT_TTL_SECONDS = 8 * 60 * 60;

export const KOMMUNKOD = /^\d{4}$/;

export interface TokenRequest {
  /** Space-separated, or a list. */
  readonly scope: string | readonly string[];
  /** Kommunkod: four digits. Municipal staff have one; Kriminalvården and Socialstyrelsen don't. */
  readonly municipality?: string;
  readonly sub?: string;
  readonly ttlSeconds?: number;
  /** For tests: tokens issued in the past (expired ones), or by a stranger. */
  readonly issuedAt?: Date;
  readonly issuer?: string;
  readonly audience?: string;
}

export interface VerifiedToken {
  readonly claims: JWTPayload;
  readonly scopes: readonly string[];
}

export interface DevelopmentTokens {
  readonly issuer: string;
  readonly audience: string;
  /** The public key set, as an identity provider's jwks_uri would serve it. */
  readonly jwks: { readonly keys: readonly JWK[] };
  signToken(request: TokenRequest): Promise<string>;
  /** What API Gateway's JWT authorizer checks: signature, issuer, audience, exp (and nbf). Throws when invalid. */
  verifyToken(token: string): Promise<VerifiedToken>;
}

const rsaPrivateJwkSchema = z.object({
  kty: z.literal("RSA"),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
});
const keyFileSchema = z.object({ kid: z.string().min(1), privateJwk: rsaPrivateJwkSchema });
type KeyFile = z.infer<typeof keyFileSchema>;

const generateKeyFile = async (): Promise<KeyFile> => {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return {
    kid: `local-${randomUUID().slice(0, 8)}`,
    privateJwk: rsaPrivateJwkSchema.parse(await exportJWK(privateKey)),
  };
};

const isErrnoException = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && "code" in error;

/** Generated once and kept, so tokens survive a restart; `wx` makes concurrent first starts agree on one key. */
const loadOrCreateKeyFile = async (dir: string): Promise<KeyFile> => {
  const path = join(dir, KEY_FILE);
  try {
    return keyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    if (!isErrnoException(error) || error.code !== "ENOENT") throw error;
  }
  const created = await generateKeyFile();
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path, `${JSON.stringify(created, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return created;
  } catch (error) {
    if (isErrnoException(error) && error.code === "EEXIST") {
      return keyFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    }
    throw error;
  }
};

const scopeList = (scope: string | readonly string[]): string[] =>
  (typeof scope === "string" ? scope.split(" ") : [...scope]).map((s) => s.trim()).filter(Boolean);

/** API Gateway reads `scope` (space-separated) or `scp` (a list). */
export const scopesOf = (claims: JWTPayload): string[] => {
  const { scope, scp } = claims;
  if (typeof scope === "string") return scopeList(scope);
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === "string");
  if (typeof scp === "string") return scopeList(scp);
  return [];
};

export interface DevelopmentTokensOptions {
  /** Where the signing key is kept; null: a fresh key in memory (tests). Default: `.local/` at the repo root. */
  readonly dir?: string | null;
}

export const developmentTokens = async (
  options: DevelopmentTokensOptions = {},
): Promise<DevelopmentTokens> => {
  const dir = options.dir === undefined ? LOCAL_DATA_DIR : options.dir;
  const keyFile = dir === null ? await generateKeyFile() : await loadOrCreateKeyFile(dir);
  const privateKey = await importJWK({ ...keyFile.privateJwk, alg: ALGORITHM }, ALGORITHM);
  const { kty, n, e } = keyFile.privateJwk;
  const publicJwk: JWK = { kty, n, e, kid: keyFile.kid, alg: ALGORITHM, use: "sig" };
  const keySet = createLocalJWKSet({ keys: [publicJwk] });

  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwks: { keys: [publicJwk] },
    async signToken(request) {
      const scopes = scopeList(request.scope);
      if (scopes.length === 0) throw new Error("A token needs at least one scope");
      if (request.municipality !== undefined && !KOMMUNKOD.test(request.municipality)) {
        throw new Error("municipality must be a four-digit kommunkod");
      }
      const issuedAt = Math.floor((request.issuedAt ?? new Date()).getTime() / 1000);
      const ttl = request.ttlSeconds ?? DEFAULT_TTL_SECONDS;
      return new SignJWT({
        scope: scopes.join(" "),
        ...(request.municipality !== undefined ? { municipality: request.municipality } : {}),
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: keyFile.kid, typ: "JWT" })
        .setIssuer(request.issuer ?? LOCAL_ISSUER)
        .setAudience(request.audience ?? LOCAL_AUDIENCE)
        .setSubject(request.sub ?? "local-developer")
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttl)
        .sign(privateKey);
    },
    async verifyToken(token) {
      // The real clock on purpose: API Gateway does not see POST /_local/clock either.
      const { payload } = await jwtVerify(token, keySet, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ["exp"],
      });
      return { claims: payload, scopes: scopesOf(payload) };
    },
  };
};
