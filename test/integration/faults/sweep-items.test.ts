/**
 * One unreadable item in a due index stops no deadline sweep: each service's sweep handles the
 * items after it, counts the failure (SweepItemFailed, published at once) and logs it by its key,
 * and publishes each breach as it happens. Real DynamoDB Local and fauxqs; the broken item is
 * written past every rule, as data from an older version or a bug would be.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHandler as hotlineSweep } from "../../../services/hotline/handlers/triage-sweep";
import { createHandler as intakeSweep } from "../../../services/intake/handlers/deadline-sweep";
import { createHandler as noticeSweep } from "../../../services/release-notices/handlers/deadline-sweep";
import { CALLER, hotlineFixture, newCallId, scheduleBody } from "../../support/hotline";
import { intakeFixture, referralBody } from "../../support/intake";
import { captureOutput } from "../../support/output";
import { noticeBody, releaseNoticesFixture } from "../../support/release-notices";

/** An item in the due index, due before anything else, that no schema accepts. */
const putBroken = async (doc: DynamoDBDocumentClient, tableName: string) => {
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: "BROKEN#1",
        sk: "BROKEN",
        gsi1pk: "DUE",
        gsi1sk: "2000-01-01T00:00:00.000Z#broken",
        version: "x",
      },
    }),
  );
};

/** The EMF lines written: metric name → the values published, in order. */
const published = (text: string): Record<string, number[]> => {
  const out: Record<string, number[]> = {};
  for (const line of text.split("\n")) {
    if (!line.includes('"_aws"')) continue;
    const record = JSON.parse(line) as Record<string, unknown> & {
      _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] };
    };
    for (const { Metrics } of record._aws.CloudWatchMetrics) {
      for (const { Name } of Metrics) out[Name] = [...(out[Name] ?? []), Number(record[Name])];
    }
  }
  return out;
};

const failureLines = (text: string, what: string) =>
  text
    .split("\n")
    .filter((line) => line.includes(`deadline sweep failed for a ${what}`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** A Lambda context with plenty of time left. */
const context = { getRemainingTimeInMillis: () => 60_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("an unreadable item in the due index", () => {
  it("does not stop intake's sweep: the referral after it is breached, the failure counted", async () => {
    const f = await intakeFixture(new Date("2026-03-28T10:00:00+01:00"));
    expect((await f.h.post(referralBody())).status).toBe(201);
    await putBroken(f.deps.doc, f.deps.tableName);
    f.clock.set(new Date("2026-03-29T22:00:00Z"));
    const output = captureOutput();
    const result = await intakeSweep(f.deps)({}, context);
    const text = output.stop();
    expect(result).toEqual({ examined: 2, breaches: 1, skipped: 1, failed: 1, deferred: 0 });
    expect(published(text)).toMatchObject({ SweepItemFailed: [1], DeadlineBreached: [1] });
    expect(failureLines(text, "referral")).toEqual([expect.objectContaining({ key: "BROKEN#1 BROKEN" })]);
  });

  it("does not stop the release-notice sweep: the notice after it is breached, the failure counted", async () => {
    const f = await releaseNoticesFixture(new Date("2026-06-20T09:00:00Z"));
    expect((await f.h.post(noticeBody({ expectedReleaseDate: "2026-07-01" }))).status).toBe(201);
    await putBroken(f.deps.doc, f.deps.tableName);
    f.clock.set(new Date("2026-06-30T22:00:00Z"));
    const output = captureOutput();
    const result = await noticeSweep(f.deps)({}, context);
    const text = output.stop();
    expect(result).toMatchObject({ examined: 2, breaches: 1, skipped: 1, failed: 1, deferred: 0 });
    expect(published(text)).toMatchObject({ SweepItemFailed: [1], DeadlineBreached: [1] });
    expect(failureLines(text, "notice")).toEqual([expect.objectContaining({ key: "BROKEN#1 BROKEN" })]);
  });

  it("does not stop the triage sweep: the triage after it is breached, the failure counted", async () => {
    const now = new Date("2026-03-28T12:00:00Z");
    const f = await hotlineFixture(now);
    expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
    const callId = newCallId();
    await f.h.incoming({ callid: callId, from: CALLER });
    await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
    await putBroken(f.deps.doc, f.deps.tableName);
    f.clock.set(new Date(now.getTime() + 24 * 3_600_000));
    const output = captureOutput();
    const result = await hotlineSweep(f.deps)({}, context);
    const text = output.stop();
    expect(result).toMatchObject({ breaches: 1, failed: 1, deferred: 0 });
    expect(published(text)).toMatchObject({ SweepItemFailed: [1], DeadlineBreached: [1] });
    expect(failureLines(text, "triage")).toEqual([expect.objectContaining({ key: "BROKEN#1 BROKEN" })]);
  });

  it("is tried again by the next run, while a sweep out of time takes nothing and leaves the rest", async () => {
    const f = await intakeFixture(new Date("2026-03-28T10:00:00+01:00"));
    expect((await f.h.post(referralBody())).status).toBe(201);
    await putBroken(f.deps.doc, f.deps.tableName);
    f.clock.set(new Date("2026-03-29T22:00:00Z"));
    const sweep = intakeSweep(f.deps);
    const output = captureOutput();
    const late = await sweep({}, { getRemainingTimeInMillis: () => 1_000 });
    const next = await sweep({}, context);
    const again = await sweep({}, context);
    output.stop();
    expect(late).toEqual({ examined: 0, breaches: 0, skipped: 0, failed: 0, deferred: 2 });
    expect(next).toEqual({ examined: 2, breaches: 1, skipped: 1, failed: 1, deferred: 0 });
    // The broken item stays due, so every run counts it until someone repairs or removes it.
    expect(again).toEqual({ examined: 1, breaches: 0, skipped: 1, failed: 1, deferred: 0 });
  });
});
