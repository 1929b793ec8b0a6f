import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { z } from "zod";
import { ENV } from "../resources";
import { CLIENT_OPTIONS } from "./client-options";

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

const key32 = z
  .string()
  .transform((s) => new Uint8Array(Buffer.from(s, "base64")))
  .refine((k) => k.length === 32, "must be 32 bytes, base64");

/** The shape of the secret in Secrets Manager (and of IDENTITY_KEYS_JSON locally). */
export const keySecretSchema = z
  .object({
    linkingKey: key32,
    sealingKid: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    sealingKeys: z.record(z.string(), key32),
  })
  .refine((s) => s.sealingKid in s.sealingKeys, "sealingKid must name one of sealingKeys");

export const parseKeySecret = (json: string): KeyMaterial => {
  const parsed = keySecretSchema.parse(JSON.parse(json));
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

/** Fetched once per container, on first use; a failed fetch is retried on the next use. */
export const secretsManagerKeyRing = (
  secretArn: string,
  client = new SecretsManagerClient(CLIENT_OPTIONS),
): KeyRing => {
  let pending: Promise<KeyMaterial> | undefined;
  return {
    get() {
      pending ??= client
        .send(new GetSecretValueCommand({ SecretId: secretArn }))
        .then((out) => {
          if (!out.SecretString) throw new Error("identity key secret has no string value");
          return parseKeySecret(out.SecretString);
        })
        .catch((error: unknown) => {
          pending = undefined;
          throw error;
        });
      return pending;
    },
  };
};

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
