import { SendMessageBatchCommand, SQSClient } from "@aws-sdk/client-sqs";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import type { QueueFunction } from "../../../infra/local/lambda";
import { silentLogger } from "../../../infra/local/log";
import { drainQueues, QueuePoller } from "../../../infra/local/poller";
import { SettableClock } from "../../../shared/clock";
import { documentClient } from "../../../shared/dynamo";
import { deadlineBreached, hotlineCallReceived, releasePlanReminder } from "../../../shared/events/catalogue";
import { createConsumer, inboxKeys } from "../../../shared/events/consumer";
import { EventPublisher, newEvent, outboxKeys } from "../../../shared/events/outbox";
import { parseEvent } from "../../../shared/events/parse";
import { Logger } from "../../../shared/logger";
import { provisionForTest, queueDepth, receiveJson } from "../../support/aws";

const logger = new Logger({ serviceName: "release-notices", logLevel: "SILENT" });

const reminder = (n: number, correlationId = "test") =>
  newEvent(releasePlanReminder, {
    source: "release-notices",
    municipality: "0880",
    correlationId,
    occurredAt: new Date("2026-11-23T10:00:00Z"),
    data: { noticeId: `KV-${n}`, daysBeforeRelease: 30, planDueDate: "2027-01-15" },
  });

const outboxRows = async (doc: ReturnType<typeof documentClient>, tableName: string) =>
  (
    await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": outboxKeys.pendingPartition },
        ConsistentRead: false,
      }),
    )
  ).Items ?? [];

describe("the transactional outbox", () => {
  it("sends a committed event to every subscribed queue at once and clears its row", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    const publisher = new EventPublisher(runtime, doc, logger);
    const event = reminder(1);

    await publisher.commit([], [event]);

    // release-plan.reminder goes to pilot reports and intake (which makes it a task); not to release-notices' own queue.
    const pilot = (await receiveJson(resources.queueUrls["pilot-reports"] ?? "")).map(parseEvent);
    expect(pilot).toHaveLength(1);
    expect(pilot[0]?.ok && pilot[0].event.id).toBe(event.id);
    const intake = (await receiveJson(resources.queueUrls.intake ?? "")).map(parseEvent);
    expect(intake).toHaveLength(1);
    expect(intake[0]?.ok && intake[0].event.id).toBe(event.id);
    expect(await receiveJson(resources.queueUrls["release-notices"] ?? "")).toHaveLength(0);
    expect(await outboxRows(doc, runtime.tableName)).toHaveLength(0);
  });

  it("sends thirty committed events, more than one batch of deletes, and clears every row", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    const events = Array.from({ length: 30 }, (_, i) => reminder(100 + i));

    await new EventPublisher(runtime, doc, logger).commit([], events);

    const pilot = (await receiveJson(resources.queueUrls["pilot-reports"] ?? "")).map(parseEvent);
    expect(pilot.map((r) => (r.ok ? r.event.id : "unreadable")).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
    expect(await receiveJson(resources.queueUrls.intake ?? "")).toHaveLength(30);
    expect(await outboxRows(doc, runtime.tableName)).toHaveLength(0);
  });

  it("leaves in the outbox only the events whose send failed", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    // intake's queue unknown: a reminder (pilot reports and intake) fails; a call, to pilot reports alone, goes.
    const { intake: _intake, ...withoutIntake } = runtime.queueUrls;
    const publisher = new EventPublisher({ ...runtime, queueUrls: withoutIntake }, doc, logger);
    const stuck = reminder(7);
    const call = newEvent(hotlineCallReceived, {
      source: "hotline",
      municipality: "0880",
      correlationId: "test",
      occurredAt: new Date("2026-11-23T10:00:00Z"),
      data: { callId: "01HZY00000000000000000000B", receivedAt: "2026-11-23T10:00:00.000Z" },
    });

    await publisher.commit([], [stuck, call]);

    expect((await outboxRows(doc, runtime.tableName)).map((r) => r.pk)).toEqual([
      outboxKeys.row(stuck.id).pk,
    ]);
    const pilot = (await receiveJson(resources.queueUrls["pilot-reports"] ?? "")).map(parseEvent);
    // The reminder reached pilot reports before intake's send failed; the sweep sends it again, and
    // pilot reports applies it once.
    expect(pilot.map((r) => r.ok && r.event.id).sort()).toEqual([call.id, stuck.id].sort());
  });

  it("loses nothing when the process dies between the commit and the send: the sweep delivers it", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    // SQS unreachable right after the commit: as far as the queues know, the process died there.
    const deadSqs = new SQSClient({
      region: "eu-north-1",
      endpoint: "http://127.0.0.1:9",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    const crashing = new EventPublisher({ ...runtime, sqs: deadSqs }, doc, logger);
    const events = [reminder(1), reminder(2), reminder(3)];
    await crashing.commit([], events);
    expect(await outboxRows(doc, runtime.tableName)).toHaveLength(3);
    expect((await queueDepth(resources.queueUrls["pilot-reports"] ?? "")).visible).toBe(0);

    const sweeper = new EventPublisher(runtime, doc, logger);
    // Rows younger than the sweep's grace period are left to the request that wrote them.
    expect(await sweeper.sweep({ olderThanMs: 60_000 })).toEqual({ sent: 0, failed: 0 });
    expect(await sweeper.sweep({ olderThanMs: 0 })).toEqual({ sent: 3, failed: 0 });

    const delivered = (await receiveJson(resources.queueUrls["pilot-reports"] ?? "")).map(parseEvent);
    expect(delivered.map((r) => (r.ok ? r.event.id : "unreadable")).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
    expect(await outboxRows(doc, runtime.tableName)).toHaveLength(0);
    expect(await sweeper.sweep({ olderThanMs: 0 })).toEqual({ sent: 0, failed: 0 });
  });

  it("writes neither the state change nor the event when the transaction fails", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    const publisher = new EventPublisher(runtime, doc, logger);
    const failing = {
      Put: {
        TableName: runtime.tableName,
        Item: { pk: "THING#1", sk: "THING" },
        ConditionExpression: "attribute_exists(pk)",
      },
    };
    await expect(publisher.commit([failing], [reminder(9)])).rejects.toThrow();
    expect(await outboxRows(doc, runtime.tableName)).toHaveLength(0);
    expect((await queueDepth(resources.queueUrls["pilot-reports"] ?? "")).visible).toBe(0);
  });
});

describe("the SQS consumer", () => {
  const setup = async () => {
    // Short visibility and two receives, so real redrive fits in a test.
    const resources = await provisionForTest(["pilot-reports"], {
      queueOverrides: { "pilot-reports": { visibilityTimeoutSeconds: 1, maxReceiveCount: 2 } },
    });
    const runtime = resources.testRuntime("pilot-reports", {
      clock: new SettableClock(new Date("2026-11-23T12:00:00Z")),
    });
    const doc = documentClient(runtime.dynamodb);
    const handled: string[] = [];
    const consumer = createConsumer({
      tableName: runtime.tableName,
      doc,
      publisher: new EventPublisher(runtime, doc, logger),
      clock: runtime.clock,
      logger,
      handlers: {
        "release-plan.reminder": async (event) => {
          handled.push(event.id);
          // A counter: if an event were applied twice, the count would say so.
          return {
            writes: [
              {
                Update: {
                  TableName: runtime.tableName,
                  Key: { pk: "COUNT", sk: "COUNT" },
                  UpdateExpression: "ADD applied :one",
                  ExpressionAttributeValues: { ":one": 1 },
                },
              },
            ],
          };
        },
      },
    });
    const queue = resources.queues["pilot-reports"];
    if (!queue) throw new Error("no queue");
    const fn: QueueFunction = {
      service: "pilot-reports",
      definition: { kind: "queue", id: "test-consumer", entry: "(test)", queue: "pilot-reports" },
      invoke: async (event) => {
        try {
          return { ok: true, value: await consumer(event as never, {} as Context), ms: 0 };
        } catch (error) {
          return { ok: false, error, timedOut: false, ms: 0 };
        }
      },
    };
    const poller = new QueuePoller({ fn, queue, sqs: runtime.sqs, logger: silentLogger, waitTimeSeconds: 0 });
    const applied = async () =>
      (await doc.send(new GetCommand({ TableName: runtime.tableName, Key: { pk: "COUNT", sk: "COUNT" } })))
        .Item?.applied;
    return { resources, runtime, doc, handled, poller, queue, applied, consumer };
  };

  it("lets nine good messages through past a poisoned one, which lands in the dead-letter queue", async () => {
    const { runtime, poller, queue, applied } = await setup();
    const good = Array.from({ length: 9 }, (_, i) => reminder(i));
    await runtime.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: [
          ...good.map((event, i) => ({ Id: `g${i}`, MessageBody: JSON.stringify(event) })),
          {
            Id: "poison",
            MessageBody: JSON.stringify({ ...reminder(99), type: "release-plan.reminder", version: 7 }),
          },
        ],
      }),
    );

    const first = await poller.pollOnce({ waitTimeSeconds: 0, releaseFailures: true });
    expect(first).toMatchObject({ received: 10, succeeded: 9, failed: 1 });
    expect(await applied()).toBe(9);

    const summary = await drainQueues([poller], runtime.sqs, { timeoutMs: 20_000 });
    expect(summary.drained).toBe(true);
    const dead = await receiveJson(queue.deadLetter.url);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ version: 7 });
    expect(await queueDepth(queue.url)).toMatchObject({ visible: 0, inFlight: 0 });
    expect(await applied()).toBe(9);
  });

  it("applies a redelivered event once", async () => {
    const { runtime, poller, queue, applied, doc, handled } = await setup();
    const event = reminder(1);
    for (let i = 0; i < 3; i += 1) {
      await runtime.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: [{ Id: "a", MessageBody: JSON.stringify(event) }],
        }),
      );
    }
    await drainQueues([poller], runtime.sqs, { timeoutMs: 20_000 });
    expect(handled).toEqual([event.id, event.id, event.id]);
    expect(await applied()).toBe(1);
    const mark = await doc.send(
      new GetCommand({ TableName: runtime.tableName, Key: inboxKeys.row(event.id) }),
    );
    // The dedupe mark expires (TTL) after any possible redelivery: SQS keeps a message 14 days at most.
    expect(mark.Item?.expiresAt).toBeGreaterThan(Date.parse("2026-12-07T12:00:00Z") / 1000);
  });

  it("acknowledges event types it does not handle, and fails a body that is not JSON", async () => {
    const { consumer } = await setup();
    const record = (messageId: string, body: string) => ({
      messageId,
      receiptHandle: messageId,
      body,
      attributes: {} as never,
      messageAttributes: {},
      md5OfBody: "",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:eu-north-1:000000000000:q",
      awsRegion: "eu-north-1",
    });
    // A well-formed event this consumer has no handler for: acknowledged, not retried.
    const unhandled = newEvent(deadlineBreached, {
      source: "release-notices",
      municipality: "0880",
      correlationId: "c",
      occurredAt: new Date(),
      data: {
        service: "release-notices",
        subject: { type: "release-notice", id: "KV-1" },
        deadline: "release-plan",
        dueAt: "2027-01-14T23:00:00.000Z",
        breachedAt: "2027-01-14T23:00:01.000Z",
      },
    });
    // A known type whose data is not that type's: unreadable, so it must fail (and reach the DLQ).
    const malformed = { ...reminder(1), type: "deadline.breached" };
    const response = await consumer(
      {
        Records: [
          record("a", "{not json"),
          record("b", JSON.stringify(unhandled)),
          record("c", JSON.stringify(malformed)),
        ],
      },
      {} as Context,
    );
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(["a", "c"]);
  });
});
