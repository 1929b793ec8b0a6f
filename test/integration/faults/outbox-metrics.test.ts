/**
 * The outbox sweep tells someone when events do not leave: every run publishes the age of the
 * oldest row still waiting, and each run that leaves rows behind publishes how many. Real
 * DynamoDB Local and fauxqs; SQS made unreachable by pointing a client at a closed port.
 */

import { SQSClient } from "@aws-sdk/client-sqs";
import { describe, expect, it } from "vitest";
import { documentClient } from "../../../shared/dynamo";
import { releasePlanReminder } from "../../../shared/events/catalogue";
import { EventPublisher, newEvent } from "../../../shared/events/outbox";
import { Logger } from "../../../shared/logger";
import { EmfMetrics } from "../../../shared/runtime/emf-metrics";
import { provisionForTest } from "../../support/aws";
import { captureOutput } from "../../support/output";

const logger = new Logger({ serviceName: "release-notices", logLevel: "SILENT" });

const reminder = (n: number) =>
  newEvent(releasePlanReminder, {
    source: "release-notices",
    municipality: "0880",
    correlationId: "test",
    occurredAt: new Date("2026-11-23T10:00:00Z"),
    data: { noticeId: `KV-${n}`, daysBeforeRelease: 30, planDueDate: "2027-01-15" },
  });

/** Each EMF line's metrics: name → value. */
const emf = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("the outbox sweep's metrics", () => {
  it("publishes the oldest waiting row's age and the rows it could not send, then an empty outbox as age 0", async () => {
    const resources = await provisionForTest(["release-notices"]);
    const runtime = resources.testRuntime("release-notices");
    const doc = documentClient(runtime.dynamodb);
    const deadSqs = new SQSClient({
      region: "eu-north-1",
      endpoint: "http://127.0.0.1:9",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    const metrics = new EmfMetrics("NyRiktning", "release-notices");
    const sink = { sink: metrics, service: "release-notices" as const };
    const broken = new EventPublisher({ ...runtime, sqs: deadSqs }, doc, logger, sink);
    await broken.commit([], [reminder(1), reminder(2)]);

    const fiveMinutesOn = new Date(Date.now() + 5 * 60_000);
    const output = captureOutput();
    expect(await broken.sweep({ now: fiveMinutesOn })).toEqual({ sent: 0, failed: 2 });
    const failing = emf(output.stop());
    const age = Number(failing.find((m) => "OutboxOldestAgeSeconds" in m)?.OutboxOldestAgeSeconds);
    expect(age).toBeGreaterThanOrEqual(295);
    expect(age).toBeLessThanOrEqual(305);
    expect(failing.find((m) => "OutboxSweepFailed" in m)).toMatchObject({
      OutboxSweepFailed: 2,
      Service: "release-notices",
    });

    const healthy = new EventPublisher(runtime, doc, logger, sink);
    const again = captureOutput();
    expect(await healthy.sweep({ now: fiveMinutesOn })).toEqual({ sent: 2, failed: 0 });
    await healthy.sweep({ now: fiveMinutesOn });
    const after = emf(again.stop());
    expect(after.filter((m) => "OutboxSweepFailed" in m)).toEqual([]);
    expect(after.map((m) => m.OutboxOldestAgeSeconds)).toEqual([age, 0]);
  });
});
