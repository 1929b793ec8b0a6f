import { SendMessageBatchCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QueueFunction } from "../../../infra/local/lambda";
import { silentLogger } from "../../../infra/local/log";
import { drainQueues, QueuePoller } from "../../../infra/local/poller";
import { failedMessageIds, toSqsRecord } from "../../../infra/local/sqs-record";
import {
  localClientsFromInject,
  provisionForTest,
  queueDepth,
  receiveAll,
  type TestResources,
} from "../../support/aws";
import { readRecord } from "../../support/fixtures/fake-service/records";
import { FAKE_FUNCTIONS, fakeService } from "../../support/fixtures/fake-service/service";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

let runtime: TestRuntime | undefined;
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
});

const send = async (resources: TestResources, bodies: object[]) => {
  const url = resources.queueUrls.intake ?? "";
  await resources.clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: bodies.map((body, i) => ({
        Id: String(i),
        MessageBody: JSON.stringify(body),
        MessageAttributes: { kind: { DataType: "String", StringValue: "test" } },
      })),
    }),
  );
};

const consumerOnly = () => fakeService([FAKE_FUNCTIONS.consumer]);

describe("the background poller (Lambda's event source mapping)", () => {
  it("deletes the messages that succeeded and leaves only the failed one, which reaches the DLQ after maxReceiveCount receives", async () => {
    // Short visibility and two receives, so real redrive (no shortcuts) fits in a test.
    const resources = await provisionForTest(["intake"], {
      queueOverrides: { intake: { visibilityTimeoutSeconds: 1, maxReceiveCount: 2 } },
    });
    runtime = await startRuntimeForTest({
      services: [consumerOnly()],
      resources,
      pollers: true,
      waitTimeSeconds: 1,
    });
    const table = resources.testRuntime("intake");
    const queue = resources.queues.intake;
    if (!queue) throw new Error("no intake queue");

    await send(resources, [{ id: "ok-1" }, { id: "bad", fail: true }, { id: "ok-2" }]);

    await vi.waitFor(
      async () => {
        expect((await readRecord(table, "msg#ok-1"))?.count).toBe(1);
        expect((await readRecord(table, "msg#ok-2"))?.count).toBe(1);
        expect((await readRecord(table, "msg#bad"))?.count).toBeGreaterThanOrEqual(1);
        // vi.waitFor's default is one second: a long poll of its own, on a busy machine.
      },
      { timeout: 10_000, interval: 100 },
    );
    // The two that succeeded are gone; the failed one waits out its visibility timeout (or, on a
    // slow machine, has already been received twice and moved to the DLQ).
    const depth = await queueDepth(queue.url);
    const dead = (await queueDepth(queue.deadLetter.url)).visible;
    expect(depth.visible + depth.inFlight + dead).toBe(1);

    await vi.waitFor(
      async () => {
        expect((await queueDepth(queue.deadLetter.url)).visible).toBe(1);
      },
      { timeout: 10_000, interval: 200 },
    );
    const bad = await readRecord(table, "msg#bad");
    expect(bad?.count).toBe(2);
    expect(bad?.fields.receiveCount).toBe("2");
    expect((await readRecord(table, "msg#ok-1"))?.count).toBe(1);
    expect(await queueDepth(queue.url)).toEqual({ visible: 0, inFlight: 0, delayed: 0 });
    const [deadLetter] = await receiveAll(queue.deadLetter.url);
    expect(JSON.parse(deadLetter?.Body ?? "{}")).toEqual({ id: "bad", fail: true });
  });

  it("gives the handler Lambda's SQS record: ids, attributes, message attributes, source ARN", async () => {
    const resources = await provisionForTest(["intake"]);
    runtime = await startRuntimeForTest({ services: [consumerOnly()], resources });
    await send(resources, [{ id: "shape" }]);
    const summary = await runtime.tick();
    expect(summary.ok).toBe(true);
    const seen = await readRecord(resources.testRuntime("intake"), "msg#shape");
    expect(seen?.fields).toMatchObject({
      receiveCount: "1",
      eventSource: "aws:sqs",
      eventSourceARN: resources.queues.intake?.arn,
      awsRegion: "eu-north-1",
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/),
      attribute: "test",
      status: "ok",
    });
  });

  it("returns the whole batch when the handler throws", async () => {
    const resources = await provisionForTest(["intake"]);
    const queue = resources.queues.intake;
    if (!queue) throw new Error("no intake queue");
    runtime = await startRuntimeForTest({ services: [consumerOnly()], resources });
    const consumer = runtime.functions.find((f): f is QueueFunction => f.definition.kind === "queue");
    if (!consumer) throw new Error("consumer not loaded");
    const poller = new QueuePoller({ fn: consumer, queue, sqs: resources.clients.sqs, logger: silentLogger });

    await send(resources, [{ id: "a" }, { id: "b", throw: true }]);
    await vi.waitFor(async () => expect((await queueDepth(queue.url)).visible).toBe(2));
    const outcome = await poller.pollOnce({ waitTimeSeconds: 1, releaseFailures: false });
    expect(outcome).toEqual({ received: 2, succeeded: 0, failed: 2 });
    // Nothing deleted: what was received is in flight until the visibility timeout.
    const depth = await queueDepth(queue.url);
    expect(depth.visible + depth.inFlight).toBe(2);
    expect(await poller.releaseParked()).toBe(2);
    await vi.waitFor(async () => expect((await queueDepth(queue.url)).visible).toBe(2));
  });
});

describe("drain (tick)", () => {
  it("redelivers a failing message at once until it reaches the DLQ after maxReceiveCount (5) receives", async () => {
    const resources = await provisionForTest(["intake"]);
    const queue = resources.queues.intake;
    if (!queue) throw new Error("no intake queue");
    runtime = await startRuntimeForTest({ services: [consumerOnly()], resources });
    await send(resources, [{ id: "fine" }, { id: "poison", fail: true }]);

    const summary = await runtime.tick();
    expect(summary.drained).toBe(true);
    expect(summary.queues).toEqual([
      expect.objectContaining({ consumer: "fake-consumer", visible: 0, inFlight: 0, deadLetters: 1 }),
    ]);
    const table = resources.testRuntime("intake");
    expect((await readRecord(table, "msg#poison"))?.count).toBe(queue.definition.maxReceiveCount);
    expect((await readRecord(table, "msg#fine"))?.count).toBe(1);
  });

  it("gives up after its timeout while messages stay in flight elsewhere", async () => {
    const resources = await provisionForTest(["intake"]);
    const queue = resources.queues.intake;
    if (!queue) throw new Error("no intake queue");
    runtime = await startRuntimeForTest({ services: [consumerOnly()], resources });
    const consumer = runtime.functions.find((f): f is QueueFunction => f.definition.kind === "queue");
    if (!consumer) throw new Error("consumer not loaded");
    const { sqs } = localClientsFromInject();
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ id: "held" }) }),
    );
    // Someone else holds the message for the queue's 180 s visibility timeout.
    expect(await receiveAll(queue.url, { deleteMessages: false })).toHaveLength(1);
    const poller = new QueuePoller({ fn: consumer, queue, sqs, logger: silentLogger });
    const summary = await drainQueues([poller], sqs, { timeoutMs: 300 });
    expect(summary.drained).toBe(false);
    expect(summary.queues[0]).toMatchObject({ inFlight: 1, received: 0 });
  });
});

describe("reading a batch response as Lambda does", () => {
  const records = ["m1", "m2"].map((id) =>
    toSqsRecord({ MessageId: id, ReceiptHandle: `r-${id}`, Body: "{}", MD5OfBody: "x" }, "arn:queue"),
  );
  it.each([
    ["undefined", undefined, []],
    ["null", null, []],
    ["an empty object", {}, []],
    ["an empty list", { batchItemFailures: [] }, []],
    ["one failure", { batchItemFailures: [{ itemIdentifier: "m2" }] }, ["m2"]],
    ["an unknown id", { batchItemFailures: [{ itemIdentifier: "m9" }] }, ["m1", "m2"]],
    ["an empty id", { batchItemFailures: [{ itemIdentifier: "" }] }, ["m1", "m2"]],
    ["a wrong key", { batchItemFailures: [{ id: "m1" }] }, ["m1", "m2"]],
    ["a string", "oops", ["m1", "m2"]],
  ])("%s", (_name, response, failed) => {
    expect([...failedMessageIds(response, records).failed].sort()).toEqual(failed);
  });
});

describe("stopping", () => {
  it("ends a long poll at once instead of waiting out its 20 seconds", async () => {
    runtime = await startRuntimeForTest({ services: [consumerOnly()], pollers: true });
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    await runtime.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
