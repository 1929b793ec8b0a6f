/**
 * Medians against DynamoDB Local. The consumer keeps each distribution in an item of its own and
 * sets the median on the month item as it adds each value, under a version condition; these tests
 * check the stored median against one worked out from the plain list of values, after redelivery,
 * in any order of arrival, and with consumers racing on the same month.
 */

import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../services/pilot-reports/app/report";
import { createDeps, type PilotReportsDeps } from "../../../services/pilot-reports/deps";
import { createHandler } from "../../../services/pilot-reports/handlers/consumer";
import { aggregateKey, histogramKey } from "../../../services/pilot-reports/store/keys";
import type { TransactItem } from "../../../shared/dynamo";
import type { QueueLambda } from "../../../shared/events/consumer";
import type { Envelope } from "../../../shared/events/envelope";
import { EventPublisher } from "../../../shared/events/outbox";
import { Logger } from "../../../shared/logger";
import { provisionForTest, type TestRuntimeConfig } from "../../support/aws";
import { events, lambdaContext, sqsRecord } from "../../support/pilot-reports";

/** Counts the transactions DynamoDB cancelled: how often the consumers actually collided. */
class CountingPublisher extends EventPublisher {
  cancelled = 0;
  override async commit(writes: readonly TransactItem[], envelopes: readonly Envelope[]): Promise<void> {
    try {
      await super.commit(writes, envelopes);
    } catch (error) {
      if (error instanceof TransactionCanceledException) this.cancelled += 1;
      throw error;
    }
  }
}

const logger = new Logger({ serviceName: "pilot-reports", logLevel: "SILENT" });
let runtime: TestRuntimeConfig;
let deps: PilotReportsDeps;
let publisher: CountingPublisher;
beforeEach(async () => {
  const resources = await provisionForTest(["pilot-reports"]);
  runtime = resources.testRuntime("pilot-reports");
  const base = createDeps(runtime, { suppressionThreshold: 5 });
  publisher = new CountingPublisher(runtime, base.doc, logger);
  deps = { ...base, logger, publisher };
});

/** The median straight from the list: the middle value, or the mean of the two middle values. */
const medianOf = (values: readonly number[]): number | null => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};
const shuffled = <T>(items: readonly T[], next: () => number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a !== undefined && b !== undefined) [copy[i], copy[j]] = [b, a];
  }
  return copy;
};
const batchesOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Delivers each batch in turn; returns the events SQS would redeliver. */
const deliver = async (consume: QueueLambda, batches: readonly (readonly Envelope[])[]) => {
  const failed: Envelope[] = [];
  for (const batch of batches) {
    const byMessage = new Map(batch.map((event, i) => [`m${i}-${event.id}`, event]));
    const response = await consume(
      { Records: [...byMessage].map(([messageId, event]) => sqsRecord(event, messageId)) },
      lambdaContext(),
    );
    for (const failure of response.batchItemFailures) {
      const event = byMessage.get(failure.itemIdentifier);
      if (event) failed.push(event);
    }
  }
  return failed;
};

const get = async (key: { pk: string; sk: string }) =>
  (await deps.doc.send(new GetCommand({ TableName: deps.tableName, Key: key, ConsistentRead: true }))).Item;

const figures = async (municipality: string, month: string) => {
  const report = await buildReport(
    deps,
    { municipality: [municipality], from: month, to: month },
    new Date(),
  );
  const metrics = report.municipalities[0]?.months[0]?.metrics ?? {};
  return (id: string) => metrics[id];
};

const MONTH = "2026-03";
const at = (next: () => number) =>
  `2026-03-${String(2 + Math.floor(next() * 26)).padStart(2, "0")}T${String(6 + Math.floor(next() * 12)).padStart(2, "0")}:00:00Z`;

describe("medians kept beside the counters", () => {
  it("stays right over many events, and a redelivered event adds nothing", async () => {
    const next = random(7);
    // Lead days can be negative (a notice after the release date); hours are whole, rounded down.
    const leadDays = Array.from({ length: 61 }, () => Math.floor(next() * 320) - 10);
    const hours = Array.from({ length: 40 }, () => next() * 60);
    const notices = leadDays.map((days) => events.noticeReceived("0880", at(next), days));
    const triages = hours.map((h) => events.triageCompleted("0880", at(next), h));
    const all = shuffled([...notices, ...triages], next);
    const consume = createHandler(deps);
    expect(await deliver(consume, batchesOf(all, 10))).toEqual([]);

    const expected = {
      leadDays: medianOf(leadDays),
      triageHours: medianOf(hours.map(Math.floor)),
    };
    const check = async () => {
      const figure = await figures("0880", MONTH);
      expect(figure("release-notice-lead-days-median")).toEqual({
        value: expected.leadDays,
        suppressed: false,
        source: "system",
      });
      expect(figure("hotline-triage-hours-median")).toEqual({
        value: expected.triageHours,
        suppressed: false,
        source: "system",
      });
      expect(figure("release-notices-received")).toEqual({ value: 61, suppressed: false, source: "system" });
      expect(figure("hotline-triages-completed")).toEqual({ value: 40, suppressed: false, source: "system" });
      expect(await get(aggregateKey("0880", MONTH))).toMatchObject({
        "m:leadDays": expected.leadDays,
        "mn:leadDays": 61,
        "m:triageHours": expected.triageHours,
        "mn:triageHours": 40,
      });
      // One version per value added: a duplicate moved nothing on.
      expect(await get(histogramKey("0880", MONTH, "leadDays"))).toMatchObject({ version: 61 });
      expect(await get(histogramKey("0880", MONTH, "triageHours"))).toMatchObject({ version: 40 });
    };
    await check();

    // Redelivery after lost acknowledgements: single events, a mixed batch, everything again.
    const again = shuffled(all, next);
    expect(
      await deliver(consume, [
        again.slice(0, 1),
        again.slice(1, 8),
        [...again.slice(8, 12), ...again.slice(8, 12)],
      ]),
    ).toEqual([]);
    expect(await deliver(consume, batchesOf(all, 10))).toEqual([]);
    await check();
  });

  it("does not depend on the order the events arrive in", async () => {
    const next = random(11);
    const values = Array.from({ length: 30 }, () => Math.floor(next() * 200));
    const times = values.map(() => at(next));
    const inOrder = values.map((days, i) => events.noticeReceived("1490", times[i] ?? "", days));
    const outOfOrder = shuffled(
      values.map((days, i) => events.noticeReceived("2281", times[i] ?? "", days)),
      next,
    ).reverse();
    const consume = createHandler(deps);
    expect(await deliver(consume, batchesOf(inOrder, 10))).toEqual([]);
    expect(await deliver(consume, batchesOf(outOfOrder, 7))).toEqual([]);

    const strip = (item: Record<string, unknown> | undefined) => {
      const { pk: _pk, sk: _sk, municipality: _m, ...rest } = item ?? {};
      return rest;
    };
    expect(strip(await get(aggregateKey("2281", MONTH)))).toEqual(
      strip(await get(aggregateKey("1490", MONTH))),
    );
    expect(strip(await get(histogramKey("2281", MONTH, "leadDays")))).toEqual(
      strip(await get(histogramKey("1490", MONTH, "leadDays"))),
    );
    for (const code of ["1490", "2281"]) {
      expect((await figures(code, MONTH))("release-notice-lead-days-median")).toEqual({
        value: medianOf(values),
        suppressed: false,
        source: "system",
      });
    }
  });

  it("suppresses a median over fewer values than the threshold, from the count kept beside it", async () => {
    const consume = createHandler(deps);
    const notices = [40, 50, 60, 70].map((days) =>
      events.noticeReceived("0305", `${MONTH}-10T08:00:00Z`, days),
    );
    expect(await deliver(consume, [notices])).toEqual([]);
    expect((await figures("0305", MONTH))("release-notice-lead-days-median")).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(await deliver(consume, [[events.noticeReceived("0305", `${MONTH}-11T08:00:00Z`, 10)]])).toEqual(
      [],
    );
    expect((await figures("0305", MONTH))("release-notice-lead-days-median")).toEqual({
      value: 50,
      suppressed: false,
      source: "system",
    });
  });

  it("converges to the right median when consumers race on the same month, counting each event once", async () => {
    const next = random(23);
    const leadDays = Array.from({ length: 45 }, () => Math.floor(next() * 250));
    const hours = Array.from({ length: 45 }, () => Math.floor(next() * 50));
    const notices = leadDays.map((days) => events.noticeReceived("0486", at(next), days));
    const triages = hours.map((h) => events.triageCompleted("0486", at(next), h));
    const calls = Array.from({ length: 30 }, () => events.callReceived("0486", at(next)));
    const all = shuffled([...notices, ...triages, ...calls], next);

    // Three invocations at once, each with its share and some of another's (a duplicate delivery).
    const shares = [0, 1, 2].map((k) => all.filter((_, i) => i % 3 === k));
    const consumers = shares.map(() => createHandler(deps));
    const work = shares.map((share, k) => [...share, ...(shares[(k + 1) % 3] ?? []).slice(0, 8)]);
    let pending = (
      await Promise.all(consumers.map((consume, k) => deliver(consume, batchesOf(work[k] ?? [], 5))))
    ).flat();
    // Whatever ran out of retries, SQS would redeliver: do so until nothing is left.
    for (let round = 0; pending.length > 0 && round < 5; round += 1) {
      pending = await deliver(consumers[0] ?? createHandler(deps), batchesOf(pending, 10));
    }
    expect(pending).toEqual([]);
    // The race happened: transactions were cancelled and retried.
    expect(publisher.cancelled).toBeGreaterThan(0);

    const figure = await figures("0486", MONTH);
    expect(figure("release-notices-received")).toEqual({ value: 45, suppressed: false, source: "system" });
    expect(figure("hotline-triages-completed")).toEqual({ value: 45, suppressed: false, source: "system" });
    expect(figure("hotline-calls")).toEqual({ value: 30, suppressed: false, source: "system" });
    expect(figure("release-notice-lead-days-median")).toEqual({
      value: medianOf(leadDays),
      suppressed: false,
      source: "system",
    });
    expect(figure("hotline-triage-hours-median")).toEqual({
      value: medianOf(hours),
      suppressed: false,
      source: "system",
    });
    expect(await get(aggregateKey("0486", MONTH))).toMatchObject({ "mn:leadDays": 45, "mn:triageHours": 45 });
    expect(await get(histogramKey("0486", MONTH, "leadDays"))).toMatchObject({ version: 45 });
    expect(await get(histogramKey("0486", MONTH, "triageHours"))).toMatchObject({ version: 45 });
  });
});
