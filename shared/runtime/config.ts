import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { SESClient } from "@aws-sdk/client-ses";
import { SQSClient } from "@aws-sdk/client-sqs";
import { type Clock, systemClock } from "../clock";
import { AUDIT_TABLE_ENV, ENV, SERVICES, type ServiceName } from "../resources";
import { CLIENT_OPTIONS, SQS_CLIENT_OPTIONS } from "./client-options";
import { type KeyRing, keyRingFromEnv } from "./keys";

/**
 * Everything a service needs from its surroundings, built once per container (Lambda) or once per
 * process (local runtime, tests). Handlers get it through their service's `createDeps`.
 */
export interface RuntimeConfig {
  readonly service: ServiceName;
  readonly clock: Clock;
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
  readonly tableName: string;
  /** The shared settings table (shared/resources SETTINGS_TABLE), read through each service's store. */
  readonly settingsTableName: string;
  /** The append-only audit table every service writes its audit rows to (shared/resources AUDIT_TABLE). */
  readonly auditTableName: string;
  /** Queue URL per consuming service, for fanning out events. */
  readonly queueUrls: Readonly<Partial<Record<ServiceName, string>>>;
  readonly keys: KeyRing;
  /** Where the HTTP API is reachable from outside (for telephony callbacks). */
  readonly publicBaseUrl?: string;
  /** Local only: an SES client for the local mailbox, and the mail settings AWS gives as environment. */
  readonly mail?: { readonly client: SESClient; readonly env: Readonly<Record<string, string>> };
}

const required = (env: NodeJS.ProcessEnv, name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
};

/** The Lambda default: clients and keys from the environment the CDK `bind*` helpers set. */
export const runtimeConfigFromEnv = (
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
): RuntimeConfig => {
  const queueUrls: Partial<Record<ServiceName, string>> = {};
  for (const s of SERVICES) {
    const url = env[ENV.queueUrl(s)];
    if (url) queueUrls[s] = url;
  }
  const publicBaseUrl = env[ENV.publicBaseUrl];
  return {
    service,
    clock: systemClock,
    dynamodb: new DynamoDBClient(CLIENT_OPTIONS),
    sqs: new SQSClient(SQS_CLIENT_OPTIONS),
    tableName: required(env, ENV.tableName),
    settingsTableName: required(env, ENV.settingsTableName),
    auditTableName: required(env, AUDIT_TABLE_ENV),
    queueUrls,
    keys: keyRingFromEnv(env),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  };
};
