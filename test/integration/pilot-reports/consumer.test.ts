/**
 * The consumer against DynamoDB Local: events handed over as SQS batches the way Lambda hands them,
 * the aggregates read back through the report. Redelivery, duplicates, order and the Stockholm
 * month boundary must not change a figure.
 */

import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../services/pilot-reports/app/report";
import { createDeps, type PilotReportsDeps } from "../../../services/pilot-reports/deps";
import { COUNT_METRIC_IDS } from "../../../services/pilot-reports/domain/catalogue";
import { createHandler } from "../../../services/pilot-reports/handlers/consumer";
import { aggregateKey, histogramKey } from "../../../services/pilot-reports/store/keys";
import type { QueueLambda } from "../../../shared/events/consumer";
import { Logger } from "../../../shared/logger";
import { provisionForTest } from "../../support/aws";
import { events, lambdaContext, sqsEvent } from "../../support/pilot-reports";

let deps: PilotReportsDeps;
let consume: QueueLambda;
beforeEach(async () => {
  const resources = await provisionForTest(["pilot-reports"]);
  deps = {
    ...createDeps(resources.testRuntime("pilot-reports"), { suppressionThreshold: 5 }),
    logger: new Logger({ serviceName: "pilot-reports", logLevel: "SILENT" }),
  };
  consume = createHandler(deps);
});

/** Delivers each batch in turn, one after another; returns the ids SQS would redeliver. */
const deliver = async (...batches: unknown[][]) => {
  const failed: string[] = [];
  for (const batch of batches) {
    const response = await consume(sqsEvent(batch), lambdaContext());
    failed.push(...response.batchItemFailures.map((f) => f.itemIdentifier));
  }
  return failed;
};

const monthOf = async (municipality: string, month: string) => {
  const report = await buildReport(
    deps,
    { municipality: [municipality], from: month, to: month },
    new Date(),
  );
  const metrics = report.municipalities[0]?.months[0]?.metrics ?? {};
  return (id: string) => metrics[id];
};

describe("the pilot-reports consumer", () => {
  it("counts a redelivered or duplicated event once", async () => {
    const calls = Array.from({ length: 6 }, (_, i) =>
      events.callReceived("0880", `2026-03-0${i + 1}T10:00:00Z`),
    );
    expect(await deliver(calls)).toEqual([]);
    // Redelivery after a lost acknowledgement, one by one and as a whole batch again.
    expect(await deliver([calls[0]], [calls[1], calls[2]], calls)).toEqual([]);
    const figure = await monthOf("0880", "2026-03");
    expect(figure("hotline-calls")).toEqual({ value: 6, suppressed: false, source: "system" });
  });

  it("gives the same figures whatever order the events arrive in", async () => {
    const month = "2026-04";
    const flow = Array.from({ length: 5 }, (_, i) => {
      const at = `2026-04-1${i}T08:00:00Z`;
      const callId = `call-order-${i}`;
      return [
        events.callReceived("1490", at, callId),
        events.callRouted("1490", at, i < 4 ? 1 : 2, callId),
        events.triageCompleted("1490", at, 2 + i * 10, { callId, placement: i < 5 }),
      ];
    });
    // The triage's completion first, the call it came from last.
    const reversed = flow.flatMap((f) => [...f].reverse());
    expect(await deliver(reversed.slice(0, 7), reversed.slice(7))).toEqual([]);
    const figure = await monthOf("1490", month);
    expect(figure("hotline-calls")).toEqual({ value: 5, suppressed: false, source: "system" });
    // 4 answered first: small, and no relation involves it.
    expect(figure("hotline-calls-answered-first")).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(figure("hotline-triages-completed")).toEqual({ value: 5, suppressed: false, source: "system" });
    // Hours 2, 12, 22, 32, 42: three within 24 hours (suppressed), the median 22.
    expect(figure("hotline-triages-completed-within-24h")).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(figure("hotline-triage-hours-median")).toEqual({ value: 22, suppressed: false, source: "system" });
    expect(figure("protective-placements")).toEqual({ value: 5, suppressed: false, source: "system" });
  });

  it("puts an event in the Stockholm month of its timestamp, not the UTC one", async () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Sweden.
    const notices = [
      ...Array.from({ length: 5 }, (_, i) =>
        events.noticeReceived("2281", "2026-01-31T23:30:00Z", 100 + i, true),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        events.noticeReceived("2281", "2026-01-31T22:30:00Z", 10 + i, false),
      ),
    ];
    expect(await deliver(notices)).toEqual([]);
    const report = await buildReport(
      deps,
      { municipality: ["2281"], from: "2026-01", to: "2026-02" },
      new Date(),
    );
    const [january, february] = report.municipalities[0]?.months ?? [];
    expect(january?.metrics["release-notices-received"]).toEqual({
      value: 5,
      suppressed: false,
      source: "system",
    });
    expect(january?.metrics["release-notices-late"]).toEqual({
      value: 5,
      suppressed: false,
      source: "system",
    });
    expect(january?.metrics["release-notices-on-time"]).toEqual({
      value: 0,
      suppressed: false,
      source: "system",
    });
    expect(january?.metrics["release-notice-lead-days-median"]).toEqual({
      value: 12,
      suppressed: false,
      source: "system",
    });
    expect(february?.metrics["release-notices-on-time"]).toEqual({
      value: 5,
      suppressed: false,
      source: "system",
    });
    expect(february?.metrics["release-notice-lead-days-median"]).toEqual({
      value: 102,
      suppressed: false,
      source: "system",
    });
  });

  it("stores counters, medians and buckets only: no id, no subject reference", async () => {
    const triage = events.triageCompleted("0486", "2026-05-02T08:00:00Z", 3.5, { financial: true });
    const referral = events.referralReceived("0486", "2026-05-02T09:00:00Z");
    expect(await deliver([triage, referral])).toEqual([]);
    const { Item: item } = await deps.doc.send(
      new GetCommand({ TableName: deps.tableName, Key: aggregateKey("0486", "2026-05") }),
    );
    expect(item).toEqual({
      ...aggregateKey("0486", "2026-05"),
      municipality: "0486",
      month: "2026-05",
      // Every figure is on the item from its first write, 0 (or a null median) until counted.
      ...Object.fromEntries(COUNT_METRIC_IDS.map((id) => [`n:${id}`, 0])),
      "m:leadDays": null,
      "mn:leadDays": 0,
      "m:daysToFirst": null,
      "mn:daysToFirst": 0,
      "n:hotline-triages-completed": 1,
      "n:hotline-triages-completed-within-24h": 1,
      "n:financial-assistance-referrals": 1,
      "m:triageHours": 3,
      "mn:triageHours": 1,
      "n:referrals-received": 1,
      "n:referrals-received.kind.concern": 1,
      "n:referrals-received.age-group.13-17": 1,
    });
    // The distribution behind the median: an item of its own, outside the partition the report reads.
    const { Item: histogram } = await deps.doc.send(
      new GetCommand({ TableName: deps.tableName, Key: histogramKey("0486", "2026-05", "triageHours") }),
    );
    expect(histogram).toEqual({
      ...histogramKey("0486", "2026-05", "triageHours"),
      municipality: "0486",
      month: "2026-05",
      histogram: "triageHours",
      version: 1,
      "h:3": 1,
    });
    // Beside the aggregates, the table holds only the consumer's dedupe marks (event ids).
    const { Items: marks = [] } = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `INBOX#${triage.id}` },
      }),
    );
    expect(Object.keys(marks[0] ?? {}).sort()).toEqual(["eventType", "expiresAt", "pk", "sk"]);
    expect(JSON.stringify(item)).not.toContain(triage.data.subject?.subjectRef ?? "-");
  });

  it("acknowledges events it does not count, and sends an unreadable one to be retried alone", async () => {
    const withdrawn = events.noticeWithdrawn("0880", "2026-06-01T10:00:00Z");
    const call = events.callReceived("0880", "2026-06-01T10:00:00Z");
    const response = await consume(
      sqsEvent([withdrawn, "not json", { ...call, data: {} }, call]),
      lambdaContext(),
    );
    expect(response.batchItemFailures).toHaveLength(2);
    const figure = await monthOf("0880", "2026-06");
    expect(figure("hotline-calls")).toEqual({ value: null, suppressed: true, source: "system" });
  });
});
