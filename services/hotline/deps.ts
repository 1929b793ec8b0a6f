import type { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../../shared/clock";
import { documentClient } from "../../shared/dynamo";
import { EventPublisher } from "../../shared/events/outbox";
import { createLogger } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import type { RuntimeConfig } from "../../shared/runtime/config";
import type { KeyRing } from "../../shared/runtime/keys";
import { elks46 } from "./telephony/46elks";
import type { TelephonyProvider } from "./telephony/provider";
import { type WebhookCredentialSource, webhookCredentialsFromEnv } from "./webhook-auth";

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
}

export interface HotlineDepsOptions {
  /** Default: from the environment (see webhook-auth.ts). Tests pass their own. */
  readonly webhookCredentials?: WebhookCredentialSource;
  readonly telephony?: TelephonyProvider;
}

/** Built once per container (or once per local process) and handed to every handler. */
export const createDeps = (runtime: RuntimeConfig, options: HotlineDepsOptions = {}): HotlineDeps => {
  const logger = createLogger("hotline");
  const doc = documentClient(runtime.dynamodb);
  return {
    clock: runtime.clock,
    tableName: runtime.tableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger),
    keys: runtime.keys,
    logger,
    metrics: new Metrics({ namespace: DEADLINE_BREACHED_METRIC.namespace, serviceName: "hotline" }),
    telephony: options.telephony ?? elks46,
    webhookCredentials: options.webhookCredentials ?? webhookCredentialsFromEnv(),
    publicBaseUrl: runtime.publicBaseUrl,
  };
};
