import { describe, expect, it } from "vitest";
import { incrementFor } from "../../../services/pilot-reports/domain/aggregation";
import { METRICS } from "../../../services/pilot-reports/domain/catalogue";
import {
  emptyAggregate,
  histogramMedian,
  rawCells,
} from "../../../services/pilot-reports/domain/month-aggregate";
import { stockholmMonth } from "../../../services/pilot-reports/domain/months";
import { CATALOGUE } from "../../../shared/events/catalogue";
import { type CatalogueEvent, parseEvent } from "../../../shared/events/parse";
import { events } from "../../support/pilot-reports";

const parsed = (event: unknown): CatalogueEvent => {
  const result = parseEvent(JSON.parse(JSON.stringify(event)));
  if (!result.ok) throw new Error(`test event does not parse: ${result.reason}`);
  return result.event;
};
const inc = (event: unknown) => incrementFor(parsed(event));

describe("months in Europe/Stockholm", () => {
  it("puts 23:30 UTC on 31 January in February (CET) and 22:30 UTC on 30 June in July (CEST)", () => {
    expect(stockholmMonth("2026-01-31T23:30:00Z")).toBe("2026-02");
    expect(stockholmMonth("2026-01-31T22:59:59Z")).toBe("2026-01");
    expect(stockholmMonth("2026-06-30T22:30:00Z")).toBe("2026-07");
    expect(stockholmMonth("2026-06-30T21:59:59Z")).toBe("2026-06");
    expect(stockholmMonth("2026-12-31T23:00:00Z")).toBe("2027-01");
  });
});

describe("what each event adds", () => {
  it("a referral: the total, its kind and its age group, in the month it was received", () => {
    expect(
      inc(events.referralReceived("0880", "2026-03-31T22:15:00Z", { kind: "police", ageGroup: "18-30" })),
    ).toEqual({
      municipality: "0880",
      month: "2026-04",
      counters: [
        "referrals-received",
        "referrals-received.kind.police",
        "referrals-received.age-group.18-30",
      ],
      histograms: {},
    });
  });

  it("a pre-assessment counts when made by its due time, or within 14 Stockholm days without one", () => {
    const counters = (assessedAt: string, dueAt?: string) =>
      inc(events.preAssessment("0880", "2026-03-01T09:00:00Z", assessedAt, dueAt))?.counters;
    const both = ["pre-assessments", "pre-assessments-within-14-days"];
    expect(counters("2026-03-14T09:00:00Z", "2026-03-15T09:00:00Z")).toEqual(both);
    expect(counters("2026-03-16T09:00:00Z", "2026-03-15T09:00:00Z")).toEqual(["pre-assessments"]);
    // Without a deadline: 15 March 21:00 in Sweden is day 14; 16 March 09:00 is day 15.
    expect(counters("2026-03-15T20:00:00Z")).toEqual(both);
    expect(counters("2026-03-16T08:00:00Z")).toEqual(["pre-assessments"]);
  });

  it("a first-offence conversation counts within 48 hours, in the month it was held", () => {
    expect(
      inc(events.firstOffenceConversation("0305", "2026-04-29T10:00:00Z", "2026-04-30T22:30:00Z")),
    ).toMatchObject({
      month: "2026-05",
      counters: ["first-offence-conversations", "first-offence-conversations-within-48-hours"],
    });
    expect(
      inc(events.firstOffenceConversation("0305", "2026-04-01T10:00:00Z", "2026-04-03T10:00:01Z"))?.counters,
    ).toEqual(["first-offence-conversations"]);
  });

  it("a release notice: received, on time or late, and its lead days as a bucket", () => {
    expect(inc(events.noticeReceived("1490", "2026-05-10T08:00:00Z", 120, true))).toEqual({
      municipality: "1490",
      month: "2026-05",
      counters: ["release-notices-received", "release-notices-on-time"],
      histograms: { leadDays: 120 },
    });
    expect(inc(events.noticeReceived("1490", "2026-05-10T08:00:00Z", 30, false))?.counters).toEqual([
      "release-notices-received",
      "release-notices-late",
    ]);
  });

  it("a plan counts when ready by release", () => {
    expect(inc(events.planReady("1490", "2026-05-10T08:00:00Z"))?.counters).toEqual([
      "release-plans-ready-by-release",
    ]);
    expect(inc(events.planReady("1490", "2026-05-10T08:00:00Z", false))).toBeUndefined();
  });

  it("calls count in the call's month; answered-first only at chain position 1", () => {
    expect(inc(events.callReceived("2281", "2026-02-28T23:10:00Z"))).toMatchObject({
      month: "2026-03",
      counters: ["hotline-calls"],
    });
    expect(inc(events.callRouted("2281", "2026-02-28T23:10:00Z", 1))).toMatchObject({
      month: "2026-03",
      counters: ["hotline-calls-answered-first"],
    });
    expect(inc(events.callRouted("2281", "2026-02-28T23:10:00Z", 2))).toBeUndefined();
  });

  it("a completed triage: in the call's month, with its steps and its whole hours as a bucket", () => {
    expect(
      inc(events.triageCompleted("0486", "2026-01-31T23:30:00Z", 30.9, { placement: true, financial: true })),
    ).toEqual({
      municipality: "0486",
      month: "2026-02",
      counters: ["hotline-triages-completed", "protective-placements", "financial-assistance-referrals"],
      histograms: { triageHours: 30 },
    });
    expect(inc(events.triageCompleted("0486", "2026-01-10T08:00:00Z", 5.5))?.counters).toEqual([
      "hotline-triages-completed",
      "hotline-triages-completed-within-24h",
    ]);
  });

  it("events that count towards no figure add nothing", () => {
    expect(inc(events.noticeWithdrawn("0880", "2026-05-10T08:00:00Z"))).toBeUndefined();
    expect(inc(events.callUnanswered("0880", "2026-05-10T08:00:00Z"))).toBeUndefined();
  });

  it("every metric names a catalogue event, and every counted event's metrics exist", () => {
    const types = new Set<string>(CATALOGUE.map((c) => c.type));
    for (const metric of METRICS) expect(types.has(metric.event)).toBe(true);
  });
});

describe("medians from buckets", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(histogramMedian(new Map())).toEqual({ median: null, n: 0 });
    expect(histogramMedian(new Map([[7, 1]]))).toEqual({ median: 7, n: 1 });
    expect(
      histogramMedian(
        new Map([
          [10, 2],
          [3, 1],
          [40, 2],
        ]),
      ),
    ).toEqual({ median: 10, n: 5 });
    expect(
      histogramMedian(
        new Map([
          [10, 2],
          [20, 2],
        ]),
      ),
    ).toEqual({ median: 15, n: 4 });
  });

  it("gives every catalogue metric a cell, 0 or a null median when nothing happened", () => {
    const cells = rawCells(emptyAggregate());
    expect(Object.keys(cells)).toEqual(METRICS.map((m) => m.id));
    expect(cells["hotline-calls"]).toEqual({ kind: "count", value: 0 });
    expect(cells["release-notice-lead-days-median"]).toEqual({ kind: "median", value: null, n: 0 });
  });
});
