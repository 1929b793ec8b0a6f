import { DescribeTableCommand, DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { provisionLocalResources } from "../../../infra/local/provision";
import { QUEUES, TABLES } from "../../../shared/resources";
import { localClientsFromInject, uniquePrefix } from "../../support/aws";

const redriveSchema = z.object({ deadLetterTargetArn: z.string(), maxReceiveCount: z.coerce.number() });

describe("provisionLocalResources", () => {
  it("creates every table and queue from shared/resources, and a second run changes nothing", async () => {
    const clients = localClientsFromInject();
    const prefix = uniquePrefix();
    const first = await provisionLocalResources(clients, { prefix });
    const second = await provisionLocalResources(clients, { prefix });
    expect(second).toEqual(first);
    expect(Object.keys(first.tables).sort()).toEqual(Object.keys(TABLES).sort());
    expect(Object.keys(first.queues).sort()).toEqual(Object.keys(QUEUES).sort());

    for (const definition of Object.values(TABLES)) {
      const name = first.tables[definition.service] ?? "";
      expect(name).toBe(`${prefix}-${definition.service}`);
      const { Table: table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: name }));
      expect(table?.KeySchema).toEqual([
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ]);
      expect(
        table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.KeySchema?.map((k) => k.AttributeName)]),
      ).toEqual(definition.indexes.map((i) => [i.name, [i.partitionKey, i.sortKey]]));
      const ttl = await clients.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }));
      expect(ttl.TimeToLiveDescription).toMatchObject({
        TimeToLiveStatus: "ENABLED",
        AttributeName: "expiresAt",
      });
    }

    for (const definition of Object.values(QUEUES)) {
      if (!definition) continue;
      const queue = first.queues[definition.service];
      expect(queue?.name).toBe(`${prefix}-${definition.service}`);
      expect(queue?.deadLetter.name).toBe(`${prefix}-${definition.service}-dlq`);
      expect(first.queueUrls[definition.service]).toBe(queue?.url);
      const { Attributes: attributes = {} } = await clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queue?.url, AttributeNames: ["All"] }),
      );
      expect(attributes.VisibilityTimeout).toBe(String(definition.visibilityTimeoutSeconds));
      expect(attributes.MessageRetentionPeriod).toBe(String(definition.retentionDays * 86_400));
      expect(redriveSchema.parse(JSON.parse(attributes.RedrivePolicy ?? "{}"))).toEqual({
        deadLetterTargetArn: queue?.deadLetter.arn,
        maxReceiveCount: definition.maxReceiveCount,
      });
    }
  });

  it("brings an existing queue up to a changed definition", async () => {
    const clients = localClientsFromInject();
    const prefix = uniquePrefix();
    const intake = QUEUES.intake;
    if (!intake) throw new Error("no intake queue");
    await provisionLocalResources(clients, { prefix, tables: [], queues: [intake] });
    const changed = await provisionLocalResources(clients, {
      prefix,
      tables: [],
      queues: [{ ...intake, visibilityTimeoutSeconds: 42, maxReceiveCount: 3 }],
    });
    const { Attributes: attributes = {} } = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: changed.queues.intake?.url, AttributeNames: ["All"] }),
    );
    expect(attributes.VisibilityTimeout).toBe("42");
    expect(redriveSchema.parse(JSON.parse(attributes.RedrivePolicy ?? "{}")).maxReceiveCount).toBe(3);
  });
});
