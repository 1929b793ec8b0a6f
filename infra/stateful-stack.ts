import { CfnOutput, CfnResource, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { type IKey, Key } from "aws-cdk-lib/aws-kms";
import { type ISecret, Secret } from "aws-cdk-lib/aws-secretsmanager";
import { type ITopic, Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import {
  AUDIT_TABLE,
  type AuditTableDefinition,
  QUEUES,
  type QueueDefinition,
  type ServiceName,
  TABLES,
  type TableDefinition,
} from "../shared/resources";
import { acknowledgeIdentityKeysRotation, acknowledgeWebhookSecretRotation } from "./nag";

export interface ServiceTable {
  readonly definition: TableDefinition;
  readonly table: TableV2;
}

export interface ServiceQueue {
  readonly definition: QueueDefinition;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
}

/** The append-only audit table (shared/resources AUDIT_TABLE). */
export interface AuditTable {
  readonly definition: AuditTableDefinition;
  readonly table: TableV2;
}

/** What the stateless side may use of the stateful one. */
export interface StatefulResources {
  readonly key: IKey;
  readonly auditTable: AuditTable;
  readonly queues: ReadonlyMap<ServiceName, ServiceQueue>;
  readonly identityKeysSecret: ISecret;
  readonly telephonyWebhookSecret: ISecret;
  readonly alarmTopic: ITopic;
  table(service: ServiceName): ServiceTable;
  queue(service: ServiceName): ServiceQueue;
}

export interface StatefulStackProps extends StackProps {
  /** The services deployed: each gets its table. */
  readonly services: readonly ServiceName[];
  readonly alarmEmail?: string;
}

/**
 * Everything that holds data or identity: tables, queues, the key that encrypts them, secrets.
 * Kept apart from the functions so a redeploy of code can never replace or delete them, and
 * with termination protection and RETAIN so deleting the stack cannot either.
 */
export class StatefulStack extends Stack implements StatefulResources {
  readonly key: Key;
  readonly tables: ReadonlyMap<ServiceName, ServiceTable>;
  readonly auditTable: AuditTable;
  readonly queues: ReadonlyMap<ServiceName, ServiceQueue>;
  /**
   * The identity keys (`{linkingKey, sealingKid, sealingKeys: {kid: base64 of 32 bytes}}`, see
   * shared/runtime/keys.ts). CloudFormation can generate one random value, not the three this
   * shape needs, so the stack creates a placeholder the runtime rejects and operators put the
   * real value once, before the first request:
   *
   *   aws secretsmanager put-secret-value --secret-id <IdentityKeysSecretArn> --secret-string "$(node -e '
   *     const k = () => require("crypto").randomBytes(32).toString("base64");
   *     console.log(JSON.stringify({ linkingKey: k(), sealingKid: "k1", sealingKeys: { k1: k() } }))')"
   *
   * The linking key must never change once used (it links records about one person); sealing keys
   * rotate by adding a kid and pointing sealingKid at it, keeping the old ones to open old events.
   */
  readonly identityKeysSecret: Secret;
  /** Basic-auth credentials the telephony provider puts in our webhook URLs (`{username, password}`). */
  readonly telephonyWebhookSecret: Secret;
  /** Where every alarm goes; operators subscribe their on-call channel to it. */
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    this.key = new Key(this, "DataKey", {
      description: "Ny riktning: encrypts tables, queues, secrets and alarm notifications",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    stableId(this.key, "DataKey");

    const tables = new Map<ServiceName, ServiceTable>();
    for (const service of new Set(props.services)) {
      const def = TABLES[service];
      const table = new TableV2(this, def.logicalId, {
        partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
        sortKey: { name: def.sortKey, type: AttributeType.STRING },
        globalSecondaryIndexes: def.indexes.map((index) => ({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        })),
        timeToLiveAttribute: def.ttlAttribute,
        billing: Billing.onDemand(),
        encryption: TableEncryptionV2.customerManagedKey(this.key),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      stableId(table, def.logicalId);
      tables.set(service, { definition: def, table });
    }
    this.tables = tables;

    // Audit rows apart from the data they audit, with their own TTL (docs/retention.md); the
    // functions may only add and read rows (infra/constructs/bind.ts bindAuditTable).
    const auditTable = new TableV2(this, AUDIT_TABLE.logicalId, {
      partitionKey: { name: AUDIT_TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: AUDIT_TABLE.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: AUDIT_TABLE.ttlAttribute,
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    stableId(auditTable, AUDIT_TABLE.logicalId);
    this.auditTable = { definition: AUDIT_TABLE, table: auditTable };

    // Every queue in QUEUES, not only those whose consumer is deployed: a producer may publish
    // before its consumer exists, and the consumer then starts on the backlog.
    const queues = new Map<ServiceName, ServiceQueue>();
    for (const def of Object.values(QUEUES)) {
      if (!def) continue;
      const deadLetterQueue = new Queue(this, `${def.logicalId}Dlq`, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: this.key,
        enforceSSL: true,
        retentionPeriod: Duration.days(def.deadLetterRetentionDays),
        removalPolicy: RemovalPolicy.RETAIN,
      });
      stableId(deadLetterQueue, `${def.logicalId}Dlq`);
      const queue = new Queue(this, def.logicalId, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: this.key,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        retentionPeriod: Duration.days(def.retentionDays),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: def.maxReceiveCount },
        removalPolicy: RemovalPolicy.RETAIN,
      });
      stableId(queue, def.logicalId);
      queues.set(def.service, { definition: def, queue, deadLetterQueue });
    }
    this.queues = queues;

    this.identityKeysSecret = new Secret(this, "IdentityKeysSecret", {
      description: "Ny riktning identity keys (linking HMAC key, sealing AES-256-GCM keys): set by operators",
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      // Never edit these generator settings: CloudFormation regenerates the value when they change,
      // which would overwrite the keys operators put and orphan every link and sealed identity.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ status: "unset: operators put the identity keys" }),
        generateStringKey: "placeholder",
        excludePunctuation: true,
      },
    });
    stableId(this.identityKeysSecret, "IdentityKeysSecret");
    acknowledgeIdentityKeysRotation(this.identityKeysSecret);

    this.telephonyWebhookSecret = new Secret(this, "TelephonyWebhookSecret", {
      description: "Ny riktning hotline: basic-auth credentials in the telephony provider's webhook URLs",
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: "telephony" }),
        generateStringKey: "password",
        // The password travels inside a URL's userinfo, where punctuation would need escaping.
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
    stableId(this.telephonyWebhookSecret, "TelephonyWebhookSecret");
    acknowledgeWebhookSecretRotation(this.telephonyWebhookSecret);

    this.alarmTopic = new Topic(this, "AlarmTopic", {
      displayName: "Ny riktning alarms",
      masterKey: this.key,
      enforceSSL: true,
    });
    // CloudWatch publishes alarm notifications itself, so it needs the key the topic is encrypted with;
    // the source condition keeps it to this account's alarms.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: "CloudWatchAlarmsPublishToEncryptedTopic",
        principals: [new ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["*"],
        conditions: {
          StringEquals: { "aws:SourceAccount": this.account },
          ArnLike: {
            "aws:SourceArn": `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*`,
          },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    new CfnOutput(this, "IdentityKeysSecretArn", {
      value: this.identityKeysSecret.secretArn,
      description: "Put the identity keys here before the first request (see infra/stateful-stack.ts)",
    });
    new CfnOutput(this, "TelephonyWebhookSecretArn", { value: this.telephonyWebhookSecret.secretArn });
    new CfnOutput(this, "AlarmTopicArn", {
      value: this.alarmTopic.topicArn,
      description: "Subscribe the on-call channel to this topic",
    });
  }

  table(service: ServiceName): ServiceTable {
    const table = this.tables.get(service);
    if (!table) throw new Error(`No table for service "${service}": is it in the deployed services?`);
    return table;
  }

  queue(service: ServiceName): ServiceQueue {
    const queue = this.queues.get(service);
    if (!queue) throw new Error(`No queue for service "${service}": add it to QUEUES in shared/resources.ts`);
    return queue;
  }
}

/**
 * Pins the CloudFormation logical id to the name in shared/resources (or here), so moving a
 * construct in the tree never replaces a table, queue, key or secret.
 */
const stableId = (construct: Construct, logicalId: string): void => {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnResource))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  resource.overrideLogicalId(logicalId);
};
