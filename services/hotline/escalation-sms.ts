import { z } from "zod";
import { findMunicipality } from "../../shared/municipalities";
import { ENV } from "../../shared/resources";
import type { SmsConfig } from "./telephony/provider";
import { type TelephonySecretSource, telephonySecretSource } from "./webhook-auth";

/**
 * The SMS that tells a manager a triage was escalated to them. Locally from HOTLINE_SMS_* (absent:
 * not configured); in AWS from the optional API fields of the telephony secret.
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

const smsConfigSchema = z.object({
  apiBaseUrl: z.url({ protocol: /^https?$/ }),
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(256),
  from: z.string().min(1).max(16),
});

export const staticSmsConfig = (config: SmsConfig | undefined): SmsConfigSource => {
  const checked = config ? smsConfigSchema.parse(config) : undefined;
  return { get: async () => checked };
};

export const smsConfigFromSecret = (secret: TelephonySecretSource): SmsConfigSource => ({
  async get() {
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
  const arn = env[ENV.telephonyWebhookSecretArn];
  if (arn) return smsConfigFromSecret(secret ?? telephonySecretSource(arn));
  return staticSmsConfig(undefined);
};

export interface EscalationSmsInput {
  readonly triageId: string;
  readonly municipality: string;
  readonly status: "open" | "callback-needed";
  /** When the call came in. */
  readonly receivedAt: Date;
  readonly timeZone: string;
}

const clockTime = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    at,
  );

/**
 * The text a manager gets. Only what is ours to say: the municipality, the time of the call and
 * the triage id. Never the caller's number, a name or anything said in the call: an SMS sits on a
 * phone's lock screen and in the operator's logs.
 */
export const escalationSmsText = (input: EscalationSmsInput): string => {
  const kommun = findMunicipality(input.municipality)?.name ?? input.municipality;
  const since = clockTime(input.receivedAt, input.timeZone);
  const what =
    input.status === "callback-needed"
      ? `ett obesvarat samtal i ${kommun} väntar på återkoppling sedan ${since}`
      : `ett besvarat samtal i ${kommun} är inte kvitterat sedan ${since}`;
  return `Avhoppartelefonen: ${what}. Öppna triage ${input.triageId}.`;
};
