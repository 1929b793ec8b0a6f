import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageGroupMetricId,
  kindMetricId,
  METRIC_IDS,
  METRICS,
} from "../../../services/pilot-reports/domain/catalogue";
import { emptyAggregate, type MonthAggregate } from "../../../services/pilot-reports/domain/month-aggregate";
import { monthFigures } from "../../../services/pilot-reports/domain/month-figures";
import { RATE_IDS, rateOf } from "../../../services/pilot-reports/domain/rates";
import { RELATIONS } from "../../../services/pilot-reports/domain/relations";
import { mergeSources, systemCovers } from "../../../services/pilot-reports/domain/sources";
import { AGE_GROUPS } from "../../../shared/events/catalogue/intake";
import { derivable } from "../../support/pilot-reports";

const aggregate = (counters: Record<string, number>): MonthAggregate => ({
  ...emptyAggregate(),
  counters: new Map(Object.entries(counters)),
});
const figuresOf = (
  system: MonthAggregate | undefined,
  submission?: { figures: Record<string, number>; source: string },
) => monthFigures({ covered: system !== undefined, aggregate: system, submission }, RELATIONS, 5);

describe("where the system's own figures apply", () => {
  const coverage = { from: "2026-03", through: "2026-11" };

  it("from the month of the first recorded event through the current month", () => {
    expect(systemCovers(coverage, "2026-02")).toBe(false);
    expect(systemCovers(coverage, "2026-03")).toBe(true);
    expect(systemCovers(coverage, "2026-11")).toBe(true);
    expect(systemCovers(coverage, "2026-12")).toBe(false);
  });

  it("nowhere for a municipality the system has recorded nothing of", () => {
    expect(systemCovers({ from: undefined, through: "2026-11" }, "2026-05")).toBe(false);
  });
});

describe("merging the system's figures with a submission", () => {
  it("a submitted metric wins; the others come from the system where it covers the month", () => {
    const cells = mergeSources(aggregate({ "hotline-calls": 12, "referrals-received": 3 }), {
      figures: { "referrals-received": 40 },
      source: "Treserva",
    });
    expect(cells["referrals-received"]).toEqual({
      kind: "count",
      value: 40,
      source: "submitted",
      sourceName: "Treserva",
    });
    expect(cells["hotline-calls"]).toEqual({ kind: "count", value: 12, source: "system" });
    expect(cells["pre-assessments"]).toEqual({ kind: "count", value: 0, source: "system" });
    expect(Object.keys(cells)).toEqual(METRIC_IDS);
  });

  it("what neither covers is null with source none, never 0", () => {
    const cells = mergeSources(undefined, { figures: { "hotline-calls": 7 }, source: "Procapita" });
    expect(cells["hotline-calls"]?.source).toBe("submitted");
    expect(cells["pre-assessments"]).toEqual({ kind: "count", value: null, source: "none" });
    expect(cells["release-notice-lead-days-median"]).toEqual({ kind: "median", value: null, source: "none" });
    const nothing = figuresOf(undefined);
    for (const cell of Object.values(nothing.metrics)) {
      expect(cell).toEqual({ value: null, suppressed: false, source: "none" });
    }
    for (const rate of Object.values(nothing.rates)) expect(rate.source).toBe("none");
  });

  it("a submitted median is over the count submitted beside it", () => {
    const cells = mergeSources(undefined, {
      figures: { "release-notices-received": 8, "release-notice-lead-days-median": 120 },
      source: "Treserva",
    });
    expect(cells["release-notice-lead-days-median"]).toMatchObject({ kind: "median", value: 120, n: 8 });
  });
});

describe("disclosure control over submitted figures", () => {
  const submitted = (figures: Record<string, number>) =>
    figuresOf(undefined, { figures, source: "Treserva" }).metrics;

  it("suppresses small submitted counts as it does the system's own, and says where they came from", () => {
    const metrics = submitted({ "hotline-calls": 3, "protective-placements": 0, "pre-assessments": 12 });
    expect(metrics["hotline-calls"]).toEqual({
      value: null,
      suppressed: true,
      source: "submitted",
      sourceName: "Treserva",
    });
    expect(metrics["protective-placements"]?.value).toBe(0);
    expect(metrics["pre-assessments"]?.value).toBe(12);
  });

  it("applies complementary suppression within a submission", () => {
    const metrics = submitted({
      "release-notices-received": 12,
      "release-notices-on-time": 9,
      "release-notices-late": 3,
    });
    expect(metrics["release-notices-received"]?.value).toBe(12);
    expect(metrics["release-notices-late"]?.suppressed).toBe(true);
    expect(metrics["release-notices-on-time"]?.suppressed).toBe(true);
  });

  it("and across sources: a submitted total with the system's parts", () => {
    const metrics = figuresOf(
      aggregate({ [kindMetricId("concern")]: 20, [kindMetricId("police")]: 2, "referrals-received": 22 }),
      { figures: { "referrals-received": 22 }, source: "Treserva" },
    ).metrics;
    expect(metrics["referrals-received"]).toMatchObject({ value: 22, source: "submitted" });
    expect(metrics[kindMetricId("police")]).toMatchObject({ suppressed: true, source: "system" });
    expect(metrics[kindMetricId("concern")]).toMatchObject({ suppressed: true, source: "system" });
  });

  it("protects a small part even where the total is unknown, since another relation may give the total away", () => {
    const metrics = submitted({
      ...Object.fromEntries(AGE_GROUPS.map((g) => [ageGroupMetricId(g), g === "13-17" ? 22 : 0])),
      [kindMetricId("concern")]: 20,
      [kindMetricId("police")]: 2,
    });
    // The total is unknown, but the age groups add up to it: 22 − 20 would give the police count away.
    expect(metrics["referrals-received"]).toEqual({ value: null, suppressed: false, source: "none" });
    expect(metrics[kindMetricId("police")]?.suppressed).toBe(true);
    expect(metrics[kindMetricId("concern")]?.suppressed).toBe(true);
  });

  it("suppresses a submitted median over fewer values than the threshold", () => {
    const few = submitted({ "hotline-triages-completed": 4, "hotline-triage-hours-median": 6 });
    expect(few["hotline-triage-hours-median"]).toMatchObject({ value: null, suppressed: true });
    const enough = submitted({ "hotline-triages-completed": 5, "hotline-triage-hours-median": 6 });
    expect(enough["hotline-triage-hours-median"]).toMatchObject({ value: 6, suppressed: false });
  });
});

describe("rates", () => {
  const system = (value: number) => ({ value, suppressed: false, source: "system" as const });
  const treserva = (value: number) => ({
    value,
    suppressed: false,
    source: "submitted" as const,
    sourceName: "Treserva",
  });

  it("are computed from a numerator and denominator of the same source", () => {
    expect(rateOf(system(9), system(12))).toEqual({ value: 0.75, suppressed: false, source: "system" });
    expect(rateOf(treserva(2), treserva(3))).toEqual({
      value: 0.667,
      suppressed: false,
      source: "submitted",
      sourceName: "Treserva",
    });
  });

  it("never from two sources, nor from an unknown figure", () => {
    expect(rateOf(treserva(9), system(12))).toEqual({ value: null, suppressed: false, source: "mixed" });
    expect(rateOf(system(9), { value: null, suppressed: false, source: "none" })).toEqual({
      value: null,
      suppressed: false,
      source: "none",
    });
  });

  it("are suppressed with either figure, and null over 0", () => {
    expect(rateOf({ value: null, suppressed: true, source: "system" }, system(12))).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(rateOf(system(0), system(0))).toEqual({ value: null, suppressed: false, source: "system" });
  });

  it("come with every month, in the catalogue's order", () => {
    expect(Object.keys(figuresOf(aggregate({})).rates)).toEqual(RATE_IDS);
  });
});

describe("over generated months with figures from every source", () => {
  const value = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 7, max: 40 }));
  const countIds = METRICS.filter((m) => m.kind === "count").map((m) => m.id);
  // Per count: whether the municipality submitted it, and its value (the system's where it did not).
  // Each relation's parts are often submitted all together or not at all, as a case system's
  // export would, so that a total one relation gives away meets another's small part.
  const partsOf = new Map(RELATIONS.flatMap((r) => r.parts.map((p) => [p, r.id] as const)));
  const modes = fc.record(
    Object.fromEntries(RELATIONS.map((r) => [r.id, fc.constantFrom("all", "none", "some")])),
  );
  const month = fc.record({
    covered: fc.boolean(),
    figures: modes.chain((mode) =>
      fc.record(
        Object.fromEntries(
          countIds.map((id) => {
            const group = mode[partsOf.get(id) ?? ""];
            const submitted =
              group === "all" || group === "none" ? fc.constant(group === "all") : fc.boolean();
            return [id, fc.tuple(submitted, value)];
          }),
        ),
      ),
    ),
  });

  it("no small count is shown and no suppressed figure can be worked out", () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 2, max: 8 }), ({ covered, figures }, threshold) => {
        const system = new Map<string, number>();
        const submitted: Record<string, number> = {};
        for (const [id, [isSubmitted, n]] of Object.entries(figures)) {
          if (isSubmitted) submitted[id] = n;
          else system.set(id, n);
        }
        const { metrics } = monthFigures(
          {
            covered,
            aggregate: { ...emptyAggregate(), counters: system },
            submission: { figures: submitted, source: "Treserva" },
          },
          RELATIONS,
          threshold,
        );
        const shown = new Map<string, number>();
        const hidden = new Set<string>();
        const suppressed = new Set<string>();
        for (const id of countIds) {
          const cell = metrics[id];
          expect(cell?.source).toBe(id in submitted ? "submitted" : covered ? "system" : "none");
          if (cell?.suppressed) suppressed.add(id);
          if (cell?.value === null || cell?.value === undefined) hidden.add(id);
          else {
            expect(cell.value === 0 || cell.value >= threshold).toBe(true);
            shown.set(id, cell.value);
          }
        }
        // Unknown figures are unknowns to a reader too; only suppressed ones must stay unsolvable.
        expect(derivable(shown, hidden).filter((id) => suppressed.has(id))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
