import { describe, expect, it } from "vitest";
import { COUNT_METRIC_IDS, HISTOGRAM_NAMES } from "../../../services/pilot-reports/domain/catalogue";
import {
  emptyHistogram,
  type HistogramsRead,
  histogramChanges,
  type Increment,
} from "../../../services/pilot-reports/domain/month-aggregate";
import { incrementWrites } from "../../../services/pilot-reports/store/aggregates";
import { aggregateKey, histogramKey } from "../../../services/pilot-reports/store/keys";
import { parseAggregateRecord, parseHistogramRecord } from "../../../services/pilot-reports/store/records";

const TABLE = "pilot-reports";
/** The writes for an increment, with the medians the domain works out from the distributions read. */
const writesFor = (increment: Increment, read: HistogramsRead) =>
  incrementWrites(TABLE, increment, histogramChanges(increment, read));
const triage = (hours: number): Increment => ({
  municipality: "0880",
  month: "2026-03",
  counters: ["hotline-triages-completed"],
  histograms: { triageHours: hours },
});

describe("the writes for one increment", () => {
  it("counters only: one ADD on the month item; every other figure its empty value where it has none", () => {
    const writes = writesFor(
      { municipality: "0880", month: "2026-03", counters: ["hotline-calls"], histograms: {} },
      {},
    );
    expect(writes).toHaveLength(1);
    const update = writes[0]?.Update;
    expect(update).toMatchObject({
      Key: aggregateKey("0880", "2026-03"),
      ExpressionAttributeNames: { "#c0": "n:hotline-calls" },
      ExpressionAttributeValues: { ":zero": 0, ":null": null },
    });
    expect(update?.UpdateExpression).toMatch(/ ADD #c0 :one$/);
    // So that every month item holds the same attributes, whichever figures its events touched.
    const named = Object.values(update?.ExpressionAttributeNames ?? {});
    expect(named.sort()).toEqual(
      [
        "municipality",
        "month",
        ...COUNT_METRIC_IDS.map((id) => `n:${id}`),
        ...HISTOGRAM_NAMES.flatMap((name) => [`m:${name}`, `mn:${name}`]),
      ].sort(),
    );
    expect(update?.UpdateExpression).toContain("= if_not_exists(");
    expect(update?.UpdateExpression).not.toMatch(/#c0 = if_not_exists/);
  });

  it("names only the empty values its expression uses", () => {
    const both = {
      municipality: "0880",
      month: "2026-03",
      counters: ["hotline-calls"],
      histograms: { leadDays: 3, triageHours: 4, daysToFirst: 5 },
    };
    const [month] = writesFor(both, {});
    expect(month?.Update?.ExpressionAttributeValues).toHaveProperty(":zero");
    expect(month?.Update?.ExpressionAttributeValues).not.toHaveProperty(":null");
  });

  it("a distribution's first value: the item must not exist yet, and the median is that value", () => {
    const [month, histogram] = writesFor(triage(7), { triageHours: emptyHistogram() });
    expect(month?.Update?.ExpressionAttributeNames).toMatchObject({
      "#m0": "m:triageHours",
      "#mn0": "mn:triageHours",
    });
    expect(month?.Update?.ExpressionAttributeValues).toMatchObject({ ":m0": 7, ":mn0": 1 });
    expect(histogram?.Update).toMatchObject({
      Key: histogramKey("0880", "2026-03", "triageHours"),
      ConditionExpression: "attribute_not_exists(pk)",
      ExpressionAttributeNames: { "#bucket": "h:7" },
      ExpressionAttributeValues: { ":next": 1 },
    });
  });

  it("a later value: the median of the distribution read plus it, on condition of the version read", () => {
    const read = {
      version: 3,
      buckets: new Map([
        [2, 2],
        [10, 1],
      ]),
    };
    const [month, histogram] = writesFor(triage(30), { triageHours: read });
    // 2, 2, 10, 30: the mean of the two middle values.
    expect(month?.Update?.ExpressionAttributeValues).toMatchObject({ ":m0": 6, ":mn0": 4 });
    expect(month?.Update?.UpdateExpression).toMatch(
      /^SET #municipality = :municipality, #month = :month, #m0 = :m0, #mn0 = :mn0, .* ADD #c0 :one$/,
    );
    expect(histogram?.Update).toMatchObject({
      ConditionExpression: "#version = :read",
      ExpressionAttributeValues: { ":read": 3, ":next": 4, ":one": 1 },
    });
  });
});

describe("stored items, validated on the way out", () => {
  const monthItem = {
    ...aggregateKey("0880", "2026-03"),
    municipality: "0880",
    month: "2026-03",
    "n:hotline-calls": 12,
    "m:leadDays": -2.5,
    "mn:leadDays": 8,
    "m:triageHours": null,
    "mn:triageHours": 0,
    // The old layout's bucket on the month item, and a retired counter: kept, not reported.
    "h:leadDays:40": 3,
    "n:retired-metric": 4,
  };

  it("a month item: counters, and each median with the number of values it is over", () => {
    const { aggregate } = parseAggregateRecord(monthItem);
    expect([...aggregate.counters]).toEqual([["hotline-calls", 12]]);
    expect(aggregate.medians).toEqual({
      leadDays: { median: -2.5, n: 8 },
      triageHours: { median: null, n: 0 },
      daysToFirst: { median: null, n: 0 },
    });
  });

  it("refuses a counter or a count that is not a whole number, naming the attribute only", () => {
    expect(() => parseAggregateRecord({ ...monthItem, "n:hotline-calls": 1.5 })).toThrow(/n:hotline-calls/);
    expect(() => parseAggregateRecord({ ...monthItem, "mn:leadDays": -1 })).toThrow(/mn:leadDays/);
    expect(() => parseAggregateRecord({ ...monthItem, "m:leadDays": "12" })).toThrow(/schema/);
    expect(() => parseAggregateRecord({ ...monthItem, "mn:leadDays": null })).toThrow(/mn:leadDays/);
  });

  it("a histogram item: its version and buckets", () => {
    const stored = parseHistogramRecord({
      ...histogramKey("0880", "2026-03", "leadDays"),
      municipality: "0880",
      month: "2026-03",
      histogram: "leadDays",
      version: 5,
      "h:-3": 1,
      "h:40": 4,
    });
    expect(stored.version).toBe(5);
    expect([...stored.buckets]).toEqual([
      [-3, 1],
      [40, 4],
    ]);
    expect(() =>
      parseHistogramRecord({
        ...histogramKey("0880", "2026-03", "leadDays"),
        municipality: "0880",
        month: "2026-03",
        histogram: "unknown",
        version: 1,
      }),
    ).toThrow(/histogram/);
  });
});
