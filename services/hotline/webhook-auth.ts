import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ENV } from "../../shared/resources";

/**
 * The telephony webhooks' own credentials: HTTP basic auth, given to the provider inside the
 * webhook URLs. Locally from HOTLINE_WEBHOOK_USER / HOTLINE_WEBHOOK_PASSWORD; in AWS from the
 * Secrets Manager secret named by TELEPHONY_WEBHOOK_SECRET_ARN (`{"username","password"}`, plus the
 * optional provider API fields `apiUsername`, `apiPassword`, `smsFrom`, `apiBaseUrl` read by
 * sms-config.ts), fetched by store/telephony-secret.ts.
 */
export interface WebhookCredentials {
  readonly username: string;
  readonly password: string;
}

export interface WebhookCredentialSource {
  get(): Promise<WebhookCredentials>;
}

export const WEBHOOK_ENV = { user: "HOTLINE_WEBHOOK_USER", password: "HOTLINE_WEBHOOK_PASSWORD" } as const;

const credentialsSchema = z.object({
  username: z.string().min(1).max(128),
  // Short passwords in a URL are guessable online; the provider's side has no lockout we control.
  password: z.string().min(16).max(256),
});

export const staticWebhookCredentials = (credentials: WebhookCredentials): WebhookCredentialSource => {
  const checked = credentialsSchema.parse(credentials);
  return { get: async () => checked };
};

/**
 * The telephony secret as stored: the webhook credentials, and optionally the provider's API
 * account for the SMS we send (escalations to the manager). Operators add the API fields to the
 * same secret, so one secret holds everything the provider and we share.
 */
export const telephonySecretSchema = credentialsSchema.extend({
  apiUsername: z.string().min(1).max(256).optional(),
  apiPassword: z.string().min(1).max(256).optional(),
  /** An E.164 number or an alphanumeric sender id (at most 11 characters at 46elks). */
  smsFrom: z.string().min(1).max(16).optional(),
  apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type TelephonySecret = z.infer<typeof telephonySecretSchema>;

export interface TelephonySecretSource {
  get(): Promise<TelephonySecret>;
}

/** The webhook credentials out of the telephony secret. */
export const webhookCredentialsFromSecret = (secret: TelephonySecretSource): WebhookCredentialSource => ({
  get: async () => {
    const { username, password } = await secret.get();
    return { username, password };
  },
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
  if (username && password) return staticWebhookCredentials({ username, password });
  if (secret) return webhookCredentialsFromSecret(secret);
  return {
    get: () =>
      Promise.reject(
        new Error(
          `No telephony webhook credentials: set ${ENV.telephonyWebhookSecretArn} (or ${WEBHOOK_ENV.user} and ${WEBHOOK_ENV.password} locally)`,
        ),
      ),
  };
};

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

/**
 * Whether an Authorization header carries these credentials. Both parts are compared as SHA-256
 * digests (equal length whatever was sent) in constant time, and both comparisons always run, so
 * the time taken says nothing about which part or how much of it was right.
 */
export const basicAuthMatches = (header: string | undefined, expected: WebhookCredentials): boolean => {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  const decoded = match?.[1] ? Buffer.from(match[1], "base64").toString("utf8") : "";
  const colon = decoded.indexOf(":");
  const username = colon >= 0 ? decoded.slice(0, colon) : "";
  const password = colon >= 0 ? decoded.slice(colon + 1) : "";
  const userOk = timingSafeEqual(digest(username), digest(expected.username));
  const passwordOk = timingSafeEqual(digest(password), digest(expected.password));
  return colon >= 0 && userOk && passwordOk;
};

/** A webhook URL the provider can call back: our base URL, the path, and the credentials in it. */
export const webhookUrl = (
  baseUrl: string,
  path: string,
  credentials: WebhookCredentials,
  query?: Record<string, string>,
): string => {
  // Relative to the base, so a base URL with a path of its own (a stage, a custom domain) keeps it.
  const url = new URL(path.replace(/^\/+/, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.username = credentials.username;
  url.password = credentials.password;
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
};
