import { Token } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_REGION } from "../../infra/config";
import { SERVICE_DEFINITIONS } from "../../infra/services";
import { AUDIT_TABLE, QUEUES, SETTINGS_TABLE, TABLES } from "../../shared/resources";
import { resourcesOf, type Synthesised, synthesise } from "./synth";

/** The app exactly as `cdk synth` builds it, from the real service definitions: its stateful stack. */
let s: Synthesised;
beforeAll(() => {
  s = synthesise();
}, 120_000);
afterAll(() => s.cleanup());

const queueDefinitions = Object.values(QUEUES).flatMap((q) => (q ? [q] : []));
const dataKey = { "Fn::GetAtt": ["DataKey", "Arn"] };

describe("stateful stack", () => {
  it("has one customer-managed key, rotated and retained", () => {
    s.stateful.resourceCountIs("AWS::KMS::Key", 1);
    s.stateful.hasResource("AWS::KMS::Key", {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
    });
  });

  it("gives every deployed service a table: PITR, CMK, deletion protection, Retain, TTL, its indexes", () => {
    // The audit and settings tables are not a service's (audit-table.test.ts, and below).
    const {
      [AUDIT_TABLE.logicalId]: _audit,
      [SETTINGS_TABLE.logicalId]: settings,
      ...tables
    } = resourcesOf(s.stateful, "AWS::DynamoDB::GlobalTable");
    // The settings every service reads are kept like the services' data.
    expect(settings?.DeletionPolicy).toBe("Retain");
    expect(settings?.Properties).toMatchObject({ SSESpecification: { SSEEnabled: true, SSEType: "KMS" } });
    expect(Object.keys(tables).sort()).toEqual(
      SERVICE_DEFINITIONS.map((d) => TABLES[d.name].logicalId).sort(),
    );
    for (const { name } of SERVICE_DEFINITIONS) {
      const def = TABLES[name];
      const table = tables[def.logicalId];
      expect(table?.DeletionPolicy).toBe("Retain");
      expect(table?.UpdateReplacePolicy).toBe("Retain");
      expect(table?.Properties).toMatchObject({
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: "HASH" },
          { AttributeName: def.sortKey, KeyType: "RANGE" },
        ],
        SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
        TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: def.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: "HASH" },
            { AttributeName: index.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
        Replicas: [
          {
            Region: DEFAULT_REGION,
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { KMSMasterKeyId: dataKey },
          },
        ],
      });
    }
  });

  it("creates every queue in QUEUES with a dead-letter queue, the redrive count, the CMK and retention", () => {
    for (const def of queueDefinitions) {
      s.stateful.hasResource("AWS::SQS::Queue", {
        Properties: {
          KmsMasterKeyId: dataKey,
          VisibilityTimeout: def.visibilityTimeoutSeconds,
          MessageRetentionPeriod: def.retentionDays * 86_400,
          RedrivePolicy: {
            deadLetterTargetArn: { "Fn::GetAtt": [`${def.logicalId}Dlq`, "Arn"] },
            maxReceiveCount: def.maxReceiveCount,
          },
        },
        DeletionPolicy: "Retain",
      });
      const dlq = resourcesOf(s.stateful, "AWS::SQS::Queue")[`${def.logicalId}Dlq`];
      expect(dlq?.Properties).toMatchObject({
        KmsMasterKeyId: dataKey,
        MessageRetentionPeriod: def.deadLetterRetentionDays * 86_400,
      });
      expect(dlq?.DeletionPolicy).toBe("Retain");
    }
    s.stateful.resourceCountIs("AWS::SQS::Queue", queueDefinitions.length * 2);
  });

  it("denies every queue request without TLS", () => {
    const policies = Object.values(resourcesOf(s.stateful, "AWS::SQS::QueuePolicy"));
    expect(policies).toHaveLength(queueDefinitions.length * 2);
    for (const policy of policies) {
      expect(policy.Properties).toMatchObject({
        PolicyDocument: {
          Statement: expect.arrayContaining([
            expect.objectContaining({
              Effect: "Deny",
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
          ]),
        },
      });
    }
  });

  it("keeps both secrets under the CMK and retains them", () => {
    const secrets = Object.values(resourcesOf(s.stateful, "AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(2);
    for (const secret of secrets) {
      expect(secret.Properties).toMatchObject({ KmsKeyId: dataKey });
      expect(secret.DeletionPolicy).toBe("Retain");
    }
  });

  it("encrypts the alarm topic with the CMK, lets CloudWatch use the key, and refuses plain HTTP", () => {
    s.stateful.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: dataKey });
    s.stateful.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
        ]),
      },
    });
    s.stateful.hasResourceProperties("AWS::KMS::Key", {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: Match.arrayWith(["kms:Decrypt"]),
          }),
        ]),
      },
    });
  });

  it("is termination-protected and has a region but no account", () => {
    expect(s.built.stateful.terminationProtection).toBe(true);
    for (const stack of [s.built.stateful, s.built.api, ...s.built.services.values(), s.built.stage]) {
      expect(stack.region).toBe(DEFAULT_REGION);
      // Unresolved: the account is the deploying credentials' own, so synth never looks anything up.
      expect(Token.isUnresolved(stack.account)).toBe(true);
    }
  });
});
