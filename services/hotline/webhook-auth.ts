import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import { builtOnFirstUse } from "../../shared/lazy";
import { ENV } from "../../shared/resources";
import { zodWords } from "../../shared/validation/zod-words";

/**
 * The telephony webhooks' credentials: HTTP basic auth, given to the provider inside the webhook
 * URLs. One secret serves every municipality, and each municipality's credential is derived from
 * it (user `<username>-<kommunkod>`, password an HMAC of the kommunkod under the secret), so that a
 * credential configured for one municipality's number opens calls in that municipality only.
 *
 * Locally the secret comes from HOTLINE_WEBHOOK_USER / HOTLINE_WEBHOOK_PASSWORD; in AWS from the
 * Secrets Manager secret named by TELEPHONY_WEBHOOK_SECRET_ARN (`{"username","password"}`, plus the
 * optional changeover fields and the provider API fields read by sms-config.ts), fetched and kept
 * for a short while by store/telephony-secret.ts.
 */
export interface WebhookCredentials {
  readonly username: string;
  /** The current password: the URLs we hand out carry credentials derived from it. */
  readonly password: string;
  /** During a changeover, the password that is to replace `password`: accepted beside it. */
  readonly nextPassword?: string | undefined;
  /** After a changeover, the password `password` replaced: accepted until it is removed. */
  readonly previousPassword?: string | undefined;
}

export interface WebhookCredentialSource {
  get(): Promise<WebhookCredentials>;
  /**
   * Fetches anew (at most once in a short interval; otherwise as get): a credential we do not know
   * may be one rotated in since we last looked.
   */
  reload(): Promise<WebhookCredentials>;
}

export const WEBHOOK_ENV = {
  user: "HOTLINE_WEBHOOK_USER",
  password: "HOTLINE_WEBHOOK_PASSWORD",
  nextPassword: "HOTLINE_WEBHOOK_NEXT_PASSWORD",
  previousPassword: "HOTLINE_WEBHOOK_PREVIOUS_PASSWORD",
} as const;

/**
 * The schemas are built on first use, not as the module loads: every hotline function imports this
 * module (deps.ts), and only the telephony webhooks and the sweep's SMS ever read a secret or
 * credentials, the webhooks on their first request. A caller hears silence while a webhook loads.
 */
const buildCredentialsSchema = () => {
  // Short passwords in a URL are guessable online; the provider's side has no lockout we control.
  const passwordSchema = z.string().check(z.minLength(16), z.maxLength(256));
  return z.object({
    // The kommunkod is appended: what is left of the provider's 128 characters.
    username: z.string().check(z.minLength(1), z.maxLength(100)),
    password: passwordSchema,
    nextPassword: z.optional(passwordSchema),
    previousPassword: z.optional(passwordSchema),
  });
};
const credentialsSchema = builtOnFirstUse(buildCredentialsSchema);

export const staticWebhookCredentials = (credentials: WebhookCredentials): WebhookCredentialSource => {
  const checked = credentialsSchema().parse(credentials, { error: zodWords });
  return { get: async () => checked, reload: async () => checked };
};

/**
 * The telephony secret as stored: the webhook credentials, and optionally the provider's API
 * account for the SMS we send (escalations to the manager). Operators add the API fields to the
 * same secret, so one secret holds everything the provider and we share.
 */
const buildTelephonySecretSchema = () =>
  z.extend(credentialsSchema(), {
    apiUsername: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    apiPassword: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    /** An E.164 number or an alphanumeric sender id (at most 11 characters at 46elks). */
    smsFrom: z.optional(z.string().check(z.minLength(1), z.maxLength(16))),
    // The API account's password travels to it in every request: never over plain HTTP.
    apiBaseUrl: z.optional(z.url({ protocol: /^https$/ })),
  });
export const telephonySecretSchema = builtOnFirstUse(buildTelephonySecretSchema);
export type TelephonySecret = z.infer<ReturnType<typeof telephonySecretSchema>>;

export interface TelephonySecretSource {
  get(): Promise<TelephonySecret>;
  /** As WebhookCredentialSource.reload. */
  reload(): Promise<TelephonySecret>;
}

const credentialsOf = ({
  username,
  password,
  nextPassword,
  previousPassword,
}: TelephonySecret): WebhookCredentials => ({ username, password, nextPassword, previousPassword });

/** The webhook credentials out of the telephony secret. */
export const webhookCredentialsFromSecret = (secret: TelephonySecretSource): WebhookCredentialSource => ({
  get: async () => credentialsOf(await secret.get()),
  reload: async () => credentialsOf(await secret.reload()),
});

/**
 * Locally from the environment; in AWS from the telephony secret (`secret`, given when
 * TELEPHONY_WEBHOOK_SECRET_ARN is set). With no credentials configured, every webhook is refused:
 * an open webhook would let anyone open triages.
 */
export const webhookCredentialsFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  secret?: TelephonySecretSource,
): WebhookCredentialSource => {
  const username = env[WEBHOOK_ENV.user];
  const password = env[WEBHOOK_ENV.password];
  if (username && password) {
    return staticWebhookCredentials({
      username,
      password,
      nextPassword: env[WEBHOOK_ENV.nextPassword] || undefined,
      previousPassword: env[WEBHOOK_ENV.previousPassword] || undefined,
    });
  }
  if (secret) return webhookCredentialsFromSecret(secret);
  const missing = () =>
    Promise.reject(
      new Error(
        `No telephony webhook credentials: set ${ENV.telephonyWebhookSecretArn} (or ${WEBHOOK_ENV.user} and ${WEBHOOK_ENV.password} locally)`,
      ),
    );
  return { get: missing, reload: missing };
};

/** One municipality's basic credentials, as the provider sends them. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The municipality's credentials under one of the secret's passwords: base64url of
 * HMAC-SHA256(password, "hotline-webhook:<kommunkod>"), 43 characters that need no escaping in a URL.
 */
export const derivedCredentials = (
  username: string,
  password: string,
  municipality: string,
): BasicCredentials => ({
  username: `${username}-${municipality}`,
  password: createHmac("sha256", password).update(`hotline-webhook:${municipality}`).digest("base64url"),
});

/** The secret's passwords that are accepted now: the current one first, then next and previous. */
export const acceptedPasswords = (credentials: WebhookCredentials): string[] =>
  [credentials.password, credentials.nextPassword, credentials.previousPassword].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );

/** What the URLs we hand out for this municipality carry: derived from the current password. */
export const handedOutCredentials = (credentials: WebhookCredentials, municipality: string) =>
  derivedCredentials(credentials.username, credentials.password, municipality);

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * Whether an Authorization header carries the municipality's credentials under any accepted
 * password. Every comparison is of SHA-256 digests (equal length whatever was sent) in constant
 * time, and all of them always run, so the time taken says nothing about which part, which
 * password or how much of it was right.
 */
export const basicAuthMatches = (
  header: string | undefined,
  credentials: WebhookCredentials,
  municipality: string,
): boolean => {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  const decoded = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
  const colon = decoded.indexOf(":");
  const username = digest(colon >= 0 ? decoded.slice(0, colon) : "");
  const password = digest(colon >= 0 ? decoded.slice(colon + 1) : "");
  let ok = false;
  for (const secret of acceptedPasswords(credentials)) {
    const expected = derivedCredentials(credentials.username, secret, municipality);
    const userOk = timingSafeEqual(username, digest(expected.username));
    const passwordOk = timingSafeEqual(password, digest(expected.password));
    ok = (userOk && passwordOk) || ok;
  }
  return colon >= 0 && ok;
};

/** A webhook URL the provider can call back: our base URL, the path, and the credentials in it. */
export const webhookUrl = (
  baseUrl: string,
  path: string,
  credentials: BasicCredentials,
  query?: Record<string, string>,
): string => {
  // Relative to the base, so a base URL with a path of its own (a stage, a custom domain) keeps it.
  const url = new URL(path.replace(/^\/+/, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.username = credentials.username;
  url.password = credentials.password;
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
};
