import type { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { EventPublisher } from "../../shared/events/outbox";
import { createLogger } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import { ENV } from "../../shared/resources";
import type { RuntimeConfig } from "../../shared/runtime/config";
import type { KeyRing } from "../../shared/runtime/keys";
import { type SmsConfigSource, smsConfigFromEnv } from "./escalation-sms";
import { elks46 } from "./telephony/46elks";
import type { TelephonyProvider } from "./telephony/provider";
import {
  telephonySecretSource,
  type WebhookCredentialSource,
  webhookCredentialsFromEnv,
} from "./webhook-auth";

/** The recorded message played when a call has none of its own (no schedule, or storage down). */
export const DEFAULT_MESSAGE_ENV = "HOTLINE_DEFAULT_MESSAGE_URL";

export interface HotlineDeps {
  readonly clock: Clock;
  readonly tableName: string;
  readonly doc: DynamoDBDocumentClient;
  readonly publisher: EventPublisher;
  readonly keys: KeyRing;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly telephony: TelephonyProvider;
  readonly webhookCredentials: WebhookCredentialSource;
  /** Where the provider calls us back; required by the telephony webhooks only. */
  readonly publicBaseUrl: string | undefined;
  /** The provider's SMS account, for telling a manager of an escalation. */
  readonly sms: SmsConfigSource;
  /** Played when there is no schedule's message to play; undefined: the provider's own tone. */
  readonly defaultMessageUrl: string | undefined;
}

export interface HotlineDepsOptions {
  /** Default: from the environment (see webhook-auth.ts). Tests pass their own. */
  readonly webhookCredentials?: WebhookCredentialSource;
  readonly telephony?: TelephonyProvider;
  /** Default: from the environment (see escalation-sms.ts). */
  readonly sms?: SmsConfigSource;
  /** Default: HOTLINE_DEFAULT_MESSAGE_URL. */
  readonly defaultMessageUrl?: string | undefined;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig, options: HotlineDepsOptions = {}): HotlineDeps => {
  const logger = createLogger("hotline");
  const doc = documentClient(runtime.dynamodb);
  // One fetch of the telephony secret serves both the webhook credentials and the SMS account.
  const arn = process.env[ENV.telephonyWebhookSecretArn];
  const secret = arn ? telephonySecretSource(arn) : undefined;
  const defaultMessageUrl =
    "defaultMessageUrl" in options
      ? options.defaultMessageUrl
      : process.env[DEFAULT_MESSAGE_ENV] || undefined;
  return {
    clock: runtime.clock,
    tableName: runtime.tableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger),
    keys: runtime.keys,
    logger,
    metrics: new Metrics({ namespace: DEADLINE_BREACHED_METRIC.namespace, serviceName: "hotline" }),
    telephony: options.telephony ?? elks46,
    webhookCredentials: options.webhookCredentials ?? webhookCredentialsFromEnv(process.env, secret),
    publicBaseUrl: runtime.publicBaseUrl,
    sms: options.sms ?? smsConfigFromEnv(process.env, secret),
    defaultMessageUrl,
  };
};
