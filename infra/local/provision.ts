import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueDoesNotExist,
  SetQueueAttributesCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import {
  AUDIT_TABLE,
  type AuditTableDefinition,
  localAuditTableName,
  localDeadLetterQueueName,
  localQueueName,
  localTableName,
  PROJECT,
  QUEUES,
  type QueueDefinition,
  type ServiceName,
  TABLES,
  type TableDefinition,
} from "../../shared/resources";
import type { LocalClients } from "./aws";

export interface ProvisionedQueueRef {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
}

export interface ProvisionedQueue extends ProvisionedQueueRef {
  readonly service: ServiceName;
  readonly definition: QueueDefinition;
  readonly deadLetter: ProvisionedQueueRef;
}

export interface ProvisionedResources {
  readonly prefix: string;
  readonly tables: Readonly<Partial<Record<ServiceName, string>>>;
  /** The append-only audit table every service writes to (always provisioned). */
  readonly auditTable: string;
  readonly queues: Readonly<Partial<Record<ServiceName, ProvisionedQueue>>>;
  /** Queue URL per consuming service: what RuntimeConfig.queueUrls wants. */
  readonly queueUrls: Readonly<Partial<Record<ServiceName, string>>>;
}

export interface ProvisionOptions {
  /** Name prefix (shared/resources `local*Name`); tests give each run its own. Default: the project name. */
  readonly prefix?: string;
  /** Default: every table in TABLES. */
  readonly tables?: readonly TableDefinition[];
  /** Default: every queue in QUEUES, also those whose consumer does not exist yet (they keep what is published). */
  readonly queues?: readonly QueueDefinition[];
}

const SQS_MAX_RETENTION_SECONDS = 14 * 24 * 60 * 60;
const retentionSeconds = (days: number): string =>
  String(Math.min(days * 24 * 60 * 60, SQS_MAX_RETENTION_SECONDS));

const globalSecondaryIndex = (index: TableDefinition["indexes"][number]): GlobalSecondaryIndex => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: "HASH" },
    { AttributeName: index.sortKey, KeyType: "RANGE" },
  ],
  Projection: { ProjectionType: "ALL" },
});

const attributeDefinitions = (names: readonly string[]): AttributeDefinition[] =>
  [...new Set(names)].map((AttributeName) => ({ AttributeName, AttributeType: "S" }));

const describeTable = async (dynamodb: DynamoDBClient, name: string) => {
  try {
    return (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/** Creates the table, or brings an existing one (a kept data folder) up to the definition's indexes and TTL. */
export const provisionTable = (
  dynamodb: DynamoDBClient,
  definition: TableDefinition,
  prefix = PROJECT,
): Promise<string> => ensureTable(dynamodb, localTableName(definition.service, prefix), definition);

/** The audit table: keys and TTL as deployed, no indexes (the services read it by partition only). */
export const provisionAuditTable = (
  dynamodb: DynamoDBClient,
  definition: AuditTableDefinition = AUDIT_TABLE,
  prefix = PROJECT,
): Promise<string> => ensureTable(dynamodb, localAuditTableName(prefix), { ...definition, indexes: [] });

const ensureTable = async (
  dynamodb: DynamoDBClient,
  name: string,
  definition: Omit<TableDefinition, "service" | "logicalId">,
): Promise<string> => {
  const existing = await describeTable(dynamodb, name);
  if (!existing) {
    try {
      await dynamodb.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: "PAY_PER_REQUEST",
          KeySchema: [
            { AttributeName: definition.partitionKey, KeyType: "HASH" },
            { AttributeName: definition.sortKey, KeyType: "RANGE" },
          ],
          AttributeDefinitions: attributeDefinitions([
            definition.partitionKey,
            definition.sortKey,
            ...definition.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
          ]),
          ...(definition.indexes.length
            ? { GlobalSecondaryIndexes: definition.indexes.map(globalSecondaryIndex) }
            : {}),
        }),
      );
    } catch (error) {
      // Someone else created it between our describe and create: same outcome.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of definition.indexes.filter((i) => !present.has(i.name))) {
      await dynamodb.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: attributeDefinitions([index.partitionKey, index.sortKey]),
          GlobalSecondaryIndexUpdates: [{ Create: globalSecondaryIndex(index) }],
        }),
      );
    }
  }
  const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== "ENABLED" && status !== "ENABLING") {
    await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: definition.ttlAttribute, Enabled: true },
      }),
    );
  }
  return name;
};

/** CreateQueue fails when the queue exists with other attributes, so an existing queue is updated instead. */
const ensureQueue = async (
  sqs: SQSClient,
  name: string,
  attributes: Record<string, string>,
): Promise<ProvisionedQueueRef> => {
  let url: string | undefined;
  try {
    url = (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (error) {
    if (!(error instanceof QueueDoesNotExist)) throw error;
  }
  if (url) {
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  } else {
    url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl;
  }
  if (!url) throw new Error(`SQS returned no URL for queue ${name}`);
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] })))
    .Attributes?.QueueArn;
  if (!arn) throw new Error(`SQS returned no ARN for queue ${name}`);
  return { name, url, arn };
};

export const provisionQueue = async (
  sqs: SQSClient,
  definition: QueueDefinition,
  prefix = PROJECT,
): Promise<ProvisionedQueue> => {
  const deadLetter = await ensureQueue(sqs, localDeadLetterQueueName(definition.service, prefix), {
    MessageRetentionPeriod: retentionSeconds(definition.deadLetterRetentionDays),
  });
  const queue = await ensureQueue(sqs, localQueueName(definition.service, prefix), {
    VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
    MessageRetentionPeriod: retentionSeconds(definition.retentionDays),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: deadLetter.arn,
      maxReceiveCount: definition.maxReceiveCount,
    }),
  });
  return { ...queue, service: definition.service, definition, deadLetter };
};

/** Idempotent: what exists is kept (and brought up to date), what is missing is created. */
export const provisionLocalResources = async (
  clients: LocalClients,
  options: ProvisionOptions = {},
): Promise<ProvisionedResources> => {
  const prefix = options.prefix ?? PROJECT;
  const tableDefinitions = options.tables ?? Object.values(TABLES);
  const queueDefinitions =
    options.queues ?? Object.values(QUEUES).filter((q): q is QueueDefinition => q !== undefined);

  const [tableNames, auditTable, queues] = await Promise.all([
    Promise.all(tableDefinitions.map((t) => provisionTable(clients.dynamodb, t, prefix))),
    provisionAuditTable(clients.dynamodb, AUDIT_TABLE, prefix),
    Promise.all(queueDefinitions.map((q) => provisionQueue(clients.sqs, q, prefix))),
  ]);

  const tables: Partial<Record<ServiceName, string>> = {};
  tableDefinitions.forEach((t, i) => {
    tables[t.service] = tableNames[i];
  });
  const byService: Partial<Record<ServiceName, ProvisionedQueue>> = {};
  const queueUrls: Partial<Record<ServiceName, string>> = {};
  for (const q of queues) {
    byService[q.service] = q;
    queueUrls[q.service] = q.url;
  }
  return { prefix, tables, auditTable, queues: byService, queueUrls };
};
