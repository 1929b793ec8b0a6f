/**
 * The consumer's inline retry (`retryOnConflict`) against DynamoDB Local: a handler reads a
 * versioned item and conditions its write on the version it read; another writer moves the version
 * on between the read and the commit. With retries the handler reads again and its write lands once;
 * without (the default) the record fails for SQS to redeliver, as before.
 */

import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { documentClient } from "../../../shared/dynamo";
import { createConsumer, inboxKeys, type QueueLambda } from "../../../shared/events/consumer";
import { EventPublisher } from "../../../shared/events/outbox";
import { Logger } from "../../../shared/logger";
import { provisionForTest, type TestRuntimeConfig } from "../../support/aws";
import { events, lambdaContext, sqsEvent } from "../../support/pilot-reports";

const logger = new Logger({ serviceName: "pilot-reports", logLevel: "SILENT" });
const KEY = { pk: "DOC#1", sk: "DOC" };

let runtime: TestRuntimeConfig;
let doc: ReturnType<typeof documentClient>;
beforeEach(async () => {
  const resources = await provisionForTest(["pilot-reports"]);
  runtime = resources.testRuntime("pilot-reports");
  doc = documentClient(runtime.dynamodb);
  await doc.send(new PutCommand({ TableName: runtime.tableName, Item: { ...KEY, version: 1, applied: 0 } }));
});

const stored = async () =>
  (await doc.send(new GetCommand({ TableName: runtime.tableName, Key: KEY, ConsistentRead: true }))).Item;

const bump = () =>
  doc.send(
    new UpdateCommand({
      TableName: runtime.tableName,
      Key: KEY,
      UpdateExpression: "ADD version :one",
      ExpressionAttributeValues: { ":one": 1 },
    }),
  );

/**
 * A consumer of hotline.call.received whose handler reads the item, lets `rival` write in between
 * (as another invocation would), then adds 1 on condition that the version is still the one read.
 */
const consumerWith = (options: { retryOnConflict?: number; rivalWrites: (call: number) => boolean }) => {
  let calls = 0;
  const consume: QueueLambda = createConsumer({
    tableName: runtime.tableName,
    doc,
    publisher: new EventPublisher(runtime, doc, logger),
    clock: runtime.clock,
    logger,
    processInParallel: false,
    ...(options.retryOnConflict === undefined ? {} : { retryOnConflict: options.retryOnConflict }),
    handlers: {
      "hotline.call.received": async () => {
        calls += 1;
        const version = (await stored())?.version;
        if (typeof version !== "number") throw new Error("no version stored");
        if (options.rivalWrites(calls)) await bump();
        return {
          writes: [
            {
              Update: {
                TableName: runtime.tableName,
                Key: KEY,
                UpdateExpression: "SET version = :next ADD applied :one",
                ConditionExpression: "version = :read",
                ExpressionAttributeValues: { ":read": version, ":next": version + 1, ":one": 1 },
              },
            },
          ],
        };
      },
    },
  });
  return { consume, calls: () => calls };
};

const marked = async (eventId: string) =>
  (
    await doc.send(
      new GetCommand({ TableName: runtime.tableName, Key: inboxKeys.row(eventId), ConsistentRead: true }),
    )
  ).Item !== undefined;

describe("the consumer's retry on a lost race", () => {
  it("reads again and applies the event once when another writer moved the version on", async () => {
    const { consume, calls } = consumerWith({ retryOnConflict: 3, rivalWrites: (call) => call === 1 });
    const event = events.callReceived("0880", "2026-03-01T10:00:00Z");
    const response = await consume(sqsEvent([event]), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    expect(calls()).toBe(2);
    // 1, the rival's 2, then this event's 3: the write was made on the version it read the second time.
    expect(await stored()).toMatchObject({ version: 3, applied: 1 });
    expect(await marked(event.id)).toBe(true);
  });

  it("by default fails the record, writing nothing, for SQS to redeliver", async () => {
    const { consume, calls } = consumerWith({ rivalWrites: (call) => call === 1 });
    const event = events.callReceived("0880", "2026-03-01T10:00:00Z");
    const response = await consume(sqsEvent([event]), lambdaContext());
    expect(response.batchItemFailures).toHaveLength(1);
    expect(calls()).toBe(1);
    expect(await stored()).toMatchObject({ version: 2, applied: 0 });
    expect(await marked(event.id)).toBe(false);

    // The redelivery, with no rival this time, applies it.
    const again = consumerWith({ rivalWrites: () => false });
    expect((await again.consume(sqsEvent([event]), lambdaContext())).batchItemFailures).toEqual([]);
    expect(await stored()).toMatchObject({ version: 3, applied: 1 });
  });

  it("gives up after the retries it is allowed, and the record fails", async () => {
    const { consume, calls } = consumerWith({ retryOnConflict: 2, rivalWrites: () => true });
    const event = events.callReceived("0880", "2026-03-01T10:00:00Z");
    const response = await consume(sqsEvent([event]), lambdaContext());
    expect(response.batchItemFailures).toHaveLength(1);
    expect(calls()).toBe(3);
    expect(await stored()).toMatchObject({ applied: 0 });
    expect(await marked(event.id)).toBe(false);
  });

  it("does not retry a duplicate: the dedupe mark's condition means handled before", async () => {
    const { consume, calls } = consumerWith({ retryOnConflict: 3, rivalWrites: () => false });
    const event = events.callReceived("0880", "2026-03-01T10:00:00Z");
    expect((await consume(sqsEvent([event]), lambdaContext())).batchItemFailures).toEqual([]);
    expect((await consume(sqsEvent([event]), lambdaContext())).batchItemFailures).toEqual([]);
    expect(calls()).toBe(2);
    expect(await stored()).toMatchObject({ version: 2, applied: 1 });
  });
});
