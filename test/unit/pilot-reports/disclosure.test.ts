import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageGroupMetricId, kindMetricId, METRICS } from "../../../services/pilot-reports/domain/catalogue";
import { type RawCell, suppress } from "../../../services/pilot-reports/domain/disclosure";
import {
  histogramMedian,
  type MonthAggregate,
  rawCells,
} from "../../../services/pilot-reports/domain/month-aggregate";
import { RELATIONS } from "../../../services/pilot-reports/domain/relations";
import { AGE_GROUPS, REFERRAL_KINDS } from "../../../shared/events/catalogue/intake";
import { derivable } from "../../support/pilot-reports";

const count = (value: number): RawCell => ({ kind: "count", value });

const aggregateOf = (input: {
  referrals: readonly [number, number][];
  onTime: number;
  late: number;
  leadDays: readonly number[];
  triageHours: readonly number[];
  others: Readonly<Record<string, number>>;
}): MonthAggregate => {
  const counters = new Map<string, number>(Object.entries(input.others));
  const add = (id: string, n = 1) => counters.set(id, (counters.get(id) ?? 0) + n);
  for (const [k, a] of input.referrals) {
    add("referrals-received");
    add(kindMetricId(REFERRAL_KINDS[k] ?? "concern"));
    add(ageGroupMetricId(AGE_GROUPS[a] ?? "0-5"));
  }
  add("release-notices-received", input.onTime + input.late);
  add("release-notices-on-time", input.onTime);
  add("release-notices-late", input.late);
  add("hotline-triages-completed", input.triageHours.length);
  const histogram = (values: readonly number[]) => {
    const h = new Map<number, number>();
    for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
    return h;
  };
  return {
    counters,
    medians: {
      leadDays: histogramMedian(histogram(input.leadDays)),
      triageHours: histogramMedian(histogram(input.triageHours)),
      daysToFirst: histogramMedian(new Map()),
    },
  };
};

// Small counts are where disclosure control works: weight them.
const smallCount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 40 }));
const otherCounts = fc.record(
  Object.fromEntries(
    ["pre-assessments-within-14-days", "hotline-calls", "protective-placements"].map((id) => [
      id,
      smallCount,
    ]),
  ),
);
const monthInput = fc.record({
  // Concentrated on few kinds and age groups, so that single small cells are common.
  referrals: fc
    .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 })), { maxLength: 30 })
    .chain((few) =>
      fc
        .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })), { maxLength: 6 })
        .map((rare) => [...few, ...rare]),
    ),
  onTime: smallCount,
  late: smallCount,
  leadDays: fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 9 }),
  triageHours: fc.array(fc.integer({ min: 0, max: 48 }), { maxLength: 9 }),
  others: otherCounts,
});

describe("disclosure control", () => {
  it("shows 0, suppresses 1 to threshold − 1, shows the threshold", () => {
    const shown = suppress({ a: count(0), b: count(1), c: count(4), d: count(5) }, [], 5);
    expect(shown).toEqual({
      a: { value: 0, suppressed: false },
      b: { value: null, suppressed: true },
      c: { value: null, suppressed: true },
      d: { value: 5, suppressed: false },
    });
  });

  it("suppresses a median over fewer values than the threshold, and shows one over none as null", () => {
    const shown = suppress(
      {
        few: { kind: "median", value: 12, n: 4 },
        enough: { kind: "median", value: 12, n: 5 },
        none: { kind: "median", value: null, n: 0 },
      },
      [],
      5,
    );
    expect(shown.few).toEqual({ value: null, suppressed: true });
    expect(shown.enough).toEqual({ value: 12, suppressed: false });
    expect(shown.none).toEqual({ value: null, suppressed: false });
  });

  it("protects a small late count with the on-time count, keeping the total visible", () => {
    const shown = suppress(
      {
        "release-notices-received": count(12),
        "release-notices-on-time": count(9),
        "release-notices-late": count(3),
      },
      RELATIONS,
      5,
    );
    expect(shown["release-notices-received"]).toEqual({ value: 12, suppressed: false });
    expect(shown["release-notices-late"]?.suppressed).toBe(true);
    expect(shown["release-notices-on-time"]?.suppressed).toBe(true);
  });

  it("protects a small breakdown cell with the smallest other positive cell, not the total", () => {
    const cells: Record<string, RawCell> = Object.fromEntries(
      METRICS.map((m) => [m.id, m.kind === "count" ? count(0) : { kind: "median", value: null, n: 0 }]),
    );
    Object.assign(cells, {
      "referrals-received": count(30),
      [kindMetricId("concern")]: count(20),
      [kindMetricId("police")]: count(8),
      [kindMetricId("self-referral")]: count(2),
      [ageGroupMetricId("13-17")]: count(30),
    });
    const shown = suppress(cells, RELATIONS, 5);
    expect(shown[kindMetricId("self-referral")]?.suppressed).toBe(true);
    expect(shown[kindMetricId("police")]?.suppressed).toBe(true);
    expect(shown[kindMetricId("concern")]).toEqual({ value: 20, suppressed: false });
    expect(shown["referrals-received"]).toEqual({ value: 30, suppressed: false });
    expect(shown[ageGroupMetricId("13-17")]).toEqual({ value: 30, suppressed: false });
  });

  it("over generated months: no small count is shown and no suppressed figure can be worked out", () => {
    fc.assert(
      fc.property(monthInput, fc.integer({ min: 2, max: 8 }), (input, threshold) => {
        const raw = rawCells(aggregateOf(input));
        // The generated data satisfies the relations it is protected against.
        for (const relation of RELATIONS) {
          const sum = relation.parts.reduce((s, p) => s + (raw[p]?.value ?? 0), 0);
          expect(raw[relation.total]?.value).toBe(sum);
        }
        const shownCells = suppress(raw, RELATIONS, threshold);
        expect(Object.keys(shownCells).sort()).toEqual(Object.keys(raw).sort());

        const shown = new Map<string, number>();
        const hidden = new Set<string>();
        for (const [id, cell] of Object.entries(shownCells)) {
          const original = raw[id];
          if (cell.suppressed) {
            expect(cell.value).toBeNull();
            hidden.add(id);
            continue;
          }
          expect(cell.value).toBe(original?.value);
          if (original?.kind === "count") {
            expect(cell.value === 0 || (cell.value ?? 0) >= threshold).toBe(true);
            shown.set(id, cell.value ?? 0);
          } else {
            expect(original?.value === null || (original?.n ?? 0) >= threshold).toBe(true);
          }
        }
        expect(derivable(shown, hidden)).toEqual([]);
        // Totals are suppressed only when small themselves: a breakdown cell protects instead.
        for (const relation of RELATIONS) {
          const total = raw[relation.total]?.value ?? 0;
          if (total === 0 || total >= threshold) expect(hidden.has(relation.total)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it("the independent check finds a figure left alone in a relation, and one exposed through two", () => {
    const zeros = (hidden: ReadonlySet<string>) =>
      new Map(
        RELATIONS.flatMap((r) => [r.total, ...r.parts])
          .filter((id) => !hidden.has(id))
          .map((id) => [id, 0]),
      );
    const late = new Set(["release-notices-late"]);
    const shown = new Map([...zeros(late), ["release-notices-received", 12], ["release-notices-on-time", 9]]);
    expect(derivable(shown, late)).toEqual(["release-notices-late"]);

    // The total is worked out from the age groups, then the kind from the total.
    const chain = new Set(["referrals-received", kindMetricId("concern")]);
    const shownChain = new Map([...zeros(chain), [ageGroupMetricId("13-17"), 3]]);
    expect(derivable(shownChain, chain).sort()).toEqual([...chain].sort());
  });
});
