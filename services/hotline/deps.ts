import { describeError } from "../../shared/logger";
import { ENV } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import { createServiceDeps, type ServiceDeps } from "../../shared/runtime/service-deps";
import type { SettingsReader } from "../../shared/settings";
import { type SmsConfigSource, smsConfigFromEnv } from "./sms-config";
import { settingsReader } from "./store/settings";
import { telephonySecretSource } from "./store/telephony-secret";
import { elks46 } from "./telephony/46elks";
import type { TelephonyProvider } from "./telephony/provider";
import { type WebhookCredentialSource, webhookCredentialsFromEnv } from "./webhook-auth";
import { type SourceAllowList, webhookSourcesFromEnv } from "./webhook-sources";

/** The recorded message played when a call has none of its own (no schedule, or storage down). */
export const DEFAULT_MESSAGE_ENV = "HOTLINE_DEFAULT_MESSAGE_URL";

export interface HotlineDeps extends ServiceDeps {
  readonly telephony: TelephonyProvider;
  readonly webhookCredentials: WebhookCredentialSource;
  /** The addresses the provider's webhooks may come from (see webhook-sources.ts). */
  readonly webhookSources: SourceAllowList;
  /** Where the provider calls us back; required by the telephony webhooks only. */
  readonly publicBaseUrl: string | undefined;
  /** The provider's SMS account, for telling a manager of an escalation. */
  readonly sms: SmsConfigSource;
  /** Played when there is no schedule's message to play; undefined: the provider's own tone. */
  readonly defaultMessageUrl: string | undefined;
  /** Each municipality's settings in force on a date (shared/settings), cached a minute. */
  readonly settings: SettingsReader;
}

export interface HotlineDepsOptions {
  /** Default: from the environment (see webhook-auth.ts). Tests pass their own. */
  readonly webhookCredentials?: WebhookCredentialSource;
  /** Default: from the environment (see webhook-sources.ts). */
  readonly webhookSources?: SourceAllowList;
  readonly telephony?: TelephonyProvider;
  /** Default: from the environment (see sms-config.ts). */
  readonly sms?: SmsConfigSource;
  /** Default: HOTLINE_DEFAULT_MESSAGE_URL. */
  readonly defaultMessageUrl?: string | undefined;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig, options: HotlineDepsOptions = {}): HotlineDeps => {
  const base = createServiceDeps("hotline", runtime);
  // One secret source serves both the webhook credentials and the SMS account.
  const arn = process.env[ENV.telephonyWebhookSecretArn];
  const secret = arn
    ? telephonySecretSource(arn, undefined, {
        onStaleError: (error) =>
          base.logger.error("telephony secret not refreshed: the credentials in hand are used", {
            error: describeError(error),
          }),
      })
    : undefined;
  const defaultMessageUrl =
    "defaultMessageUrl" in options
      ? options.defaultMessageUrl
      : process.env[DEFAULT_MESSAGE_ENV] || undefined;
  return {
    ...base,
    settings: settingsReader({ doc: base.doc, settingsTableName: runtime.settingsTableName }),
    telephony: options.telephony ?? elks46,
    webhookCredentials: options.webhookCredentials ?? webhookCredentialsFromEnv(process.env, secret),
    webhookSources: options.webhookSources ?? webhookSourcesFromEnv(process.env),
    publicBaseUrl: runtime.publicBaseUrl,
    sms: options.sms ?? smsConfigFromEnv(process.env, secret),
    defaultMessageUrl,
  };
};
