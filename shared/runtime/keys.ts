import * as z from "zod/mini";
import { builtOnFirstUse } from "../lazy";
import { ENV } from "../resources";
import { fetchSecretString, type SecretFetcher } from "./secrets";

/**
 * The keys that protect identities: one to link records (HMAC) and a set to seal identities that
 * travel in events (AES-256-GCM), selected by key id so keys can rotate without breaking old events.
 */
export interface KeyMaterial {
  readonly linkingKey: Uint8Array;
  readonly sealingKid: string;
  readonly sealingKeys: ReadonlyMap<string, Uint8Array>;
}

export interface KeyRing {
  get(): Promise<KeyMaterial>;
}

const buildKeySecretSchema = () => {
  const key32 = z
    .pipe(
      z.string(),
      z.transform((s) => new Uint8Array(Buffer.from(s, "base64"))),
    )
    .check(z.refine((k) => k.length === 32, "must be 32 bytes, base64"));
  return z
    .object({
      linkingKey: key32,
      sealingKid: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)),
      sealingKeys: z.record(z.string(), key32),
    })
    .check(z.refine((s) => s.sealingKid in s.sealingKeys, "sealingKid must name one of sealingKeys"));
};

/**
 * The shape of the secret in Secrets Manager (and of IDENTITY_KEYS_JSON locally). Built on first use:
 * every function bundles this module, most never open a key, and each zod schema built as a bundle
 * loads costs its cold start (13 of them here; npm run bench -- cold).
 */
const keySecretSchema = builtOnFirstUse(buildKeySecretSchema);

export const parseKeySecret = (json: string): KeyMaterial => {
  const parsed = keySecretSchema().parse(JSON.parse(json));
  return {
    linkingKey: parsed.linkingKey,
    sealingKid: parsed.sealingKid,
    sealingKeys: new Map(Object.entries(parsed.sealingKeys)),
  };
};

export const staticKeyRing = (material: KeyMaterial): KeyRing => ({ get: async () => material });

/**
 * Development keys: public, so never valid anywhere real. The local runtime and tests use them;
 * a deployed function has no IDENTITY_KEYS_JSON and reads its secret instead.
 */
export const DEVELOPMENT_KEYS_JSON = JSON.stringify({
  linkingKey: Buffer.alloc(32, 1).toString("base64"),
  sealingKid: "dev1",
  sealingKeys: { dev1: Buffer.alloc(32, 2).toString("base64") },
});

/** How long a container trusts the keys it fetched: a rotation reaches every container within this. */
export const KEY_CACHE_TTL_MS = 5 * 60_000;
/** At most one reload per this long for unknown key ids, so forged kids cannot flood Secrets Manager. */
export const UNKNOWN_KID_RELOAD_GAP_MS = 10_000;

const RETRY_AFTER_FAILED_FETCH_MS = 30_000;

/** A map of sealing keys that tells its ring when asked for a key id it does not hold. */
class SealingKeys extends Map<string, Uint8Array> {
  constructor(
    entries: Iterable<readonly [string, Uint8Array]>,
    private readonly onMiss: (kid: string) => void,
  ) {
    super(entries);
  }
  override get(kid: string): Uint8Array | undefined {
    const key = super.get(kid);
    if (key === undefined) this.onMiss(kid);
    return key;
  }
}

/**
 * Keys cached for `ttlMs`, then fetched again. A key id the cached set lacks (a value sealed by a
 * container that already has the rotated keys) fails that one open, and marks the cache stale, so
 * the next use, such as the queue's redelivery of the same event, opens it with fresh keys instead
 * of sending it on to the dead-letter queue. A failed fetch keeps serving the keys it had.
 */
export const cachedKeyRing = (
  load: () => Promise<KeyMaterial>,
  options: { ttlMs?: number; now?: () => number } = {},
): KeyRing => {
  const ttlMs = options.ttlMs ?? KEY_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let cached: { material: KeyMaterial; loadedAt: number } | undefined;
  let stale = false;
  let pending: Promise<KeyMaterial> | undefined;
  const onMiss = () => {
    if (cached && now() - cached.loadedAt >= UNKNOWN_KID_RELOAD_GAP_MS) stale = true;
  };
  const reload = (): Promise<KeyMaterial> => {
    pending ??= load()
      .then((material) => {
        const held = { ...material, sealingKeys: new SealingKeys(material.sealingKeys, onMiss) };
        cached = { material: held, loadedAt: now() };
        stale = false;
        return held;
      })
      .catch((error: unknown) => {
        if (!cached) throw error;
        // Secrets Manager unreachable: keep sealing and opening with what we hold; try again in 30 s.
        cached = { material: cached.material, loadedAt: now() - ttlMs + RETRY_AFTER_FAILED_FETCH_MS };
        stale = false;
        return cached.material;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return {
    get: () =>
      cached && !stale && now() - cached.loadedAt < ttlMs ? Promise.resolve(cached.material) : reload(),
  };
};

/** Fetched on first use and again after KEY_CACHE_TTL_MS or an unknown key id (see cachedKeyRing). */
export const secretsManagerKeyRing = (
  secretArn: string,
  fetchSecret: SecretFetcher = fetchSecretString,
  options: { ttlMs?: number; now?: () => number } = {},
): KeyRing =>
  cachedKeyRing(async () => {
    const value = await fetchSecret(secretArn);
    if (!value) throw new Error("identity key secret has no string value");
    return parseKeySecret(value);
  }, options);

/**
 * A service that never touches an identity (pilot reports) is deployed without the secret; its key
 * ring fails only if something asks it for keys, so it needs no grant it would not use.
 */
export const keyRingFromEnv = (env: NodeJS.ProcessEnv): KeyRing => {
  const inline = env[ENV.identityKeysJson];
  if (inline) return staticKeyRing(parseKeySecret(inline));
  const arn = env[ENV.identityKeysSecretArn];
  if (arn) return secretsManagerKeyRing(arn);
  return {
    get: () =>
      Promise.reject(
        new Error(`No identity keys: set ${ENV.identityKeysSecretArn} (or ${ENV.identityKeysJson} locally)`),
      ),
  };
};
