import * as z from "zod/mini";
import { builtOnFirstUse } from "../../shared/lazy";
import { zodWords } from "../../shared/validation/zod-words";
import type { SmsConfig } from "./telephony/provider";
import type { TelephonySecretSource } from "./webhook-auth";

/**
 * The provider account for the SMS that tells a manager a triage was escalated to them. Locally
 * from HOTLINE_SMS_* (absent: not configured); in AWS from the optional API fields of the telephony
 * secret (`secret`, given when TELEPHONY_WEBHOOK_SECRET_ARN is set).
 */
export const SMS_ENV = {
  apiUrl: "HOTLINE_SMS_API_URL",
  user: "HOTLINE_SMS_USER",
  password: "HOTLINE_SMS_PASSWORD",
  from: "HOTLINE_SMS_FROM",
} as const;

export const DEFAULT_SMS_API_URL = "https://api.46elks.com";

export interface SmsConfigSource {
  /** undefined: SMS is not configured. Rejects when the configuration could not be read (retry later). */
  get(): Promise<SmsConfig | undefined>;
}

/**
 * The API account's password travels in every request to the base URL: https only. Plain http is
 * allowed to a loopback host alone, for a local catcher (it never leaves the machine).
 */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Built on first use: only a configuration from the environment (local runs) is checked by it. */
const buildSmsConfigSchema = () =>
  z.object({
    apiBaseUrl: z
      .url({ protocol: /^https?$/ })
      .check(
        z.refine(
          (url) => url.startsWith("https:") || LOOPBACK_HOSTS.has(new URL(url).hostname),
          "must be an https URL (plain http only to a loopback host)",
        ),
      ),
    username: z.string().check(z.minLength(1), z.maxLength(256)),
    password: z.string().check(z.minLength(1), z.maxLength(256)),
    from: z.string().check(z.minLength(1), z.maxLength(16)),
  });
const smsConfigSchema = builtOnFirstUse(buildSmsConfigSchema);

export const staticSmsConfig = (config: SmsConfig | undefined): SmsConfigSource => {
  const checked = config ? smsConfigSchema().parse(config, { error: zodWords }) : undefined;
  return { get: async () => checked };
};

export const smsConfigFromSecret = (secret: Pick<TelephonySecretSource, "get">): SmsConfigSource => ({
  async get() {
    // The secret's schema already admits an https apiBaseUrl only.
    const { apiUsername, apiPassword, smsFrom, apiBaseUrl } = await secret.get();
    // All three or nothing: half a configuration would fail every send instead of saying so.
    if (!apiUsername || !apiPassword || !smsFrom) return undefined;
    return {
      apiBaseUrl: apiBaseUrl ?? DEFAULT_SMS_API_URL,
      username: apiUsername,
      password: apiPassword,
      from: smsFrom,
    };
  },
});

export const smsConfigFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  secret?: TelephonySecretSource,
): SmsConfigSource => {
  const username = env[SMS_ENV.user];
  const password = env[SMS_ENV.password];
  const from = env[SMS_ENV.from];
  if (username && password && from) {
    return staticSmsConfig({
      apiBaseUrl: env[SMS_ENV.apiUrl] || DEFAULT_SMS_API_URL,
      username,
      password,
      from,
    });
  }
  if (secret) return smsConfigFromSecret(secret);
  return staticSmsConfig(undefined);
};
