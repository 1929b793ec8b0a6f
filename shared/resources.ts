/**
 * The stateful resources as data: one source of truth for the CDK app (infra/) and the local
 * runtime (infra/local/), so the tables and queues a developer runs against are the ones deployed.
 */

export const SERVICES = ["release-notices", "intake", "hotline", "pilot-reports"] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  readonly service: ServiceName;
  /** CloudFormation logical id and the local table's name suffix. */
  readonly logicalId: string;
  readonly partitionKey: "pk";
  readonly sortKey: "sk";
  readonly indexes: readonly IndexDefinition[];
  /** Epoch-seconds attribute that DynamoDB's TTL deletes by (gallring). */
  readonly ttlAttribute: "expiresAt";
}

export interface QueueDefinition {
  /** The service that consumes this queue; every consuming service has exactly one. */
  readonly service: ServiceName;
  readonly logicalId: string;
  /** Six times the consumer's timeout, as AWS recommends for Lambda event sources. */
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly retentionDays: number;
  readonly deadLetterRetentionDays: number;
}

/**
 * Every table has the same sparse indexes: gsi1 for what falls due (deadlines, outbox), gsi2 for
 * lists over history, gsi3 for worklists (only open work is placed on it, so a worklist's cost
 * follows open work, not history). CloudFormation adds at most one index to a table per update:
 * a new index goes in a deployment of its own.
 */
const standardIndexes: readonly IndexDefinition[] = [
  { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
];

const table = (service: ServiceName, logicalId: string): TableDefinition => ({
  service,
  logicalId,
  partitionKey: "pk",
  sortKey: "sk",
  indexes: standardIndexes,
  ttlAttribute: "expiresAt",
});

export const TABLES: Readonly<Record<ServiceName, TableDefinition>> = {
  "release-notices": table("release-notices", "ReleaseNoticesTable"),
  intake: table("intake", "IntakeTable"),
  hotline: table("hotline", "HotlineTable"),
  "pilot-reports": table("pilot-reports", "PilotReportsTable"),
};

const queue = (
  service: ServiceName,
  logicalId: string,
  overrides: Partial<QueueDefinition> = {},
): QueueDefinition => ({
  service,
  logicalId,
  visibilityTimeoutSeconds: 180,
  maxReceiveCount: 5,
  batchSize: 10,
  maxBatchingWindowSeconds: 1,
  retentionDays: 14,
  deadLetterRetentionDays: 14,
  ...overrides,
});

/**
 * One queue per consuming service. Producers fan out to these through the subscriptions in
 * shared/events/subscriptions.ts. A queue exists before its consumer is deployed so that no event
 * published in the meantime is lost: the consumer starts on the backlog.
 */
export const QUEUES: Readonly<Partial<Record<ServiceName, QueueDefinition>>> = {
  intake: queue("intake", "IntakeQueue"),
  "pilot-reports": queue("pilot-reports", "PilotReportsQueue"),
  /**
   * Status deliveries to Kriminalvården's receiver: the consumer holds a failed delivery back
   * with a growing delay, so 15 receives span a little over a day before the dead-letter queue
   * (services/release-notices/domain/delivery.ts). Small batches: one slow receiver delays few.
   */
  "release-notices": queue("release-notices", "ReleaseNoticesQueue", { maxReceiveCount: 15, batchSize: 5 }),
};

export const PROJECT = "ny-riktning";

/** Names used where we choose them (locally, and as a prefix in tests). CloudFormation names the deployed ones. */
export const localTableName = (service: ServiceName, prefix = PROJECT): string => `${prefix}-${service}`;
export const localQueueName = (service: ServiceName, prefix = PROJECT): string => `${prefix}-${service}`;
export const localDeadLetterQueueName = (service: ServiceName, prefix = PROJECT): string =>
  `${prefix}-${service}-dlq`;

/** Environment variables, named once: the CDK `bind*` helpers set them and runtime config reads them. */
export const ENV = {
  tableName: "TABLE_NAME",
  queueUrl: (service: ServiceName) => `QUEUE_URL_${service.toUpperCase().replace(/-/g, "_")}`,
  identityKeysSecretArn: "IDENTITY_KEYS_SECRET_ARN",
  /** The telephony webhooks' basic-auth secret (hotline). */
  telephonyWebhookSecretArn: "TELEPHONY_WEBHOOK_SECRET_ARN",
  /** Local only: base64 keys instead of a secret. */
  identityKeysJson: "IDENTITY_KEYS_JSON",
  awsEndpoint: "AWS_ENDPOINT_URL",
  serviceName: "POWERTOOLS_SERVICE_NAME",
  publicBaseUrl: "PUBLIC_BASE_URL",
} as const;

/**
 * The audit trail of every service, kept apart from the data it audits (issue 13): the services
 * may only add rows (PutItem on a new key) and read their own (each under its own partition-key
 * prefix, `<service>#`), never update or delete one; its TTL outlives the record a row is about
 * (docs/retention.md). One table, not one per service: an auditor reads one place, and the IAM
 * condition on the leading key keeps each service to its own rows.
 */
export interface AuditTableDefinition {
  readonly logicalId: "AuditTable";
  readonly partitionKey: "pk";
  readonly sortKey: "sk";
  readonly ttlAttribute: "expiresAt";
}

export const AUDIT_TABLE: AuditTableDefinition = {
  logicalId: "AuditTable",
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
};

/** The audit rows a service may write and read begin with this (IAM `dynamodb:LeadingKeys`). */
export const auditPartitionPrefix = (service: ServiceName): string => `${service}#`;

export const localAuditTableName = (prefix = PROJECT): string => `${prefix}-audit`;

/** The audit table's name for every function (set by infra/constructs/bind.ts `bindAuditTable`). */
export const AUDIT_TABLE_ENV = "AUDIT_TABLE_NAME";
