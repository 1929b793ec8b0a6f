/** The intervention and deadline-extension figures: what each event adds, and their disclosure control. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { incrementFor } from "../../../services/pilot-reports/domain/aggregation";
import { METRICS } from "../../../services/pilot-reports/domain/catalogue";
import { suppress } from "../../../services/pilot-reports/domain/disclosure";
import { emptyAggregate, rawCells } from "../../../services/pilot-reports/domain/month-aggregate";
import { RELATIONS } from "../../../services/pilot-reports/domain/relations";
import { deadlineExtended, interventionEnded, interventionStarted } from "../../../shared/events/catalogue";
import { AGE_GROUPS } from "../../../shared/events/catalogue/intake";
import { newEvent } from "../../../shared/events/outbox";
import { type CatalogueEvent, parseEvent } from "../../../shared/events/parse";
import { INTERVENTION_TYPES, type InterventionType } from "../../../shared/interventions";
import { derivable } from "../../support/pilot-reports";

const parsed = (event: unknown): CatalogueEvent => {
  const result = parseEvent(JSON.parse(JSON.stringify(event)));
  if (!result.ok) throw new Error(`test event does not parse: ${result.reason}`);
  return result.event;
};
const base = { source: "intake" as const, municipality: "1490", correlationId: "test" };
const facts = (type: InterventionType, ageGroup: (typeof AGE_GROUPS)[number] = "18-30") => ({
  referralId: "01KREFERRAL0000000000000001",
  interventionId: "01KINTERVENTION00000000001",
  kind: "self-referral" as const,
  unit: "utredning-unga-vuxna" as const,
  ageGroup,
  type,
  decidedAt: "2026-11-25",
});
const started = (type: InterventionType, startedAt: string, first: boolean, days = 6) =>
  parsed(
    newEvent(interventionStarted, {
      ...base,
      occurredAt: new Date(`${startedAt}T12:00:00Z`),
      data: { ...facts(type), startedAt, daysFromReferral: days, firstOnReferral: first },
    }),
  );
const ended = (outcome: "completed" | "ended-early" | "declined", endedAt: string) =>
  parsed(
    newEvent(interventionEnded, {
      ...base,
      occurredAt: new Date(`${endedAt}T12:00:00Z`),
      data: { ...facts("fft", "13-17"), startedAt: "2026-11-26", endedAt, outcome },
    }),
  );
const extended = (deadline: string, extendedAt: string) =>
  parsed(
    newEvent(deadlineExtended, {
      ...base,
      occurredAt: new Date(extendedAt),
      data: {
        service: "intake",
        subject: { type: "referral", id: "ref-1" },
        deadline,
        previousDueAt: "2026-12-08T00:00:00+01:00",
        dueAt: "2026-12-15T00:00:00+01:00",
        extendedAt,
      },
    }),
  );

describe("what intervention events add", () => {
  it("an SIG started for a young adult: the total, its type and its age group, in its start date's month", () => {
    expect(incrementFor(started("sig", "2026-11-30", false))).toEqual({
      municipality: "1490",
      month: "2026-11",
      counters: [
        "interventions-started",
        "interventions-started.type.sig",
        "interventions-started.age-group.18-30",
      ],
      histograms: {},
    });
  });

  it("the first start on a referral adds its days from the referral to the median's distribution", () => {
    expect(incrementFor(started("sip-bup", "2026-12-01", true, 8))).toEqual({
      municipality: "1490",
      month: "2026-12",
      counters: [
        "interventions-started",
        "sip-bup-started",
        "interventions-started.age-group.18-30",
        "first-interventions-started",
      ],
      histograms: { daysToFirst: 8 },
    });
  });

  it("an end counts only when ended early, in its end date's month", () => {
    expect(incrementFor(ended("ended-early", "2027-01-31"))).toMatchObject({
      month: "2027-01",
      counters: ["interventions-ended-early"],
    });
    expect(incrementFor(ended("completed", "2027-01-31"))).toBeUndefined();
    expect(incrementFor(ended("declined", "2027-01-31"))).toBeUndefined();
  });

  it("a deadline extension: the total and its deadline, in the Stockholm month it was extended", () => {
    expect(incrementFor(extended("pre-assessment", "2026-11-30T23:30:00Z"))).toMatchObject({
      month: "2026-12",
      counters: ["deadline-extensions", "deadline-extensions.deadline.pre-assessment"],
    });
    expect(incrementFor(extended("investigation", "2026-11-10T10:00:00Z"))?.counters).toEqual([
      "deadline-extensions",
      "deadline-extensions.deadline.investigation",
    ]);
    expect(incrementFor(extended("release-plan", "2026-11-10T10:00:00Z"))?.counters).toEqual([
      "deadline-extensions",
      "deadline-extensions.deadline.other",
    ]);
  });

  it("every new figure is in the catalogue and gets a cell when nothing happened", () => {
    const ids = METRICS.map((m) => m.id);
    for (const id of [
      "interventions-started",
      "interventions-started.type.other",
      "interventions-started.age-group.31+",
      "first-interventions-started",
      "intervention-days-to-first-median",
      "sip-bup-started",
      "interventions-ended-early",
      "deadline-extensions",
      "deadline-extensions.deadline.investigation",
    ])
      expect(ids).toContain(id);
    const cells = rawCells(emptyAggregate());
    expect(cells["intervention-days-to-first-median"]).toEqual({ kind: "median", value: null, n: 0 });
    expect(cells["interventions-started"]).toEqual({ kind: "count", value: 0 });
  });
});

describe("disclosure control over the intervention figures", () => {
  /** Counters for started interventions, each [type index, age group index]. */
  const countersOf = (starts: readonly [number, number][], extensions: readonly number[]) => {
    const counters = new Map<string, number>();
    const add = (id: string) => counters.set(id, (counters.get(id) ?? 0) + 1);
    for (const [t, a] of starts) {
      const type = INTERVENTION_TYPES[t % INTERVENTION_TYPES.length] ?? "sig";
      add("interventions-started");
      add(type === "sip-bup" ? "sip-bup-started" : `interventions-started.type.${type}`);
      add(`interventions-started.age-group.${AGE_GROUPS[a % AGE_GROUPS.length]}`);
    }
    const deadlines = ["pre-assessment", "investigation", "other"];
    for (const d of extensions) {
      add("deadline-extensions");
      add(`deadline-extensions.deadline.${deadlines[d % 3]}`);
    }
    return counters;
  };

  it("counts SIP with BUP once, as sip-bup-started, the type breakdown's part for it", () => {
    expect(METRICS.map((m) => m.id)).not.toContain("interventions-started.type.sip-bup");
    expect(METRICS.find((m) => m.id === "sip-bup-started")?.breakdownOf).toBe("interventions-started");
  });

  it("protects a small type with another part of the type breakdown", () => {
    const counters = countersOf(
      [
        ...Array.from({ length: 7 }, (): [number, number] => [0, 3]),
        ...Array.from({ length: 6 }, (): [number, number] => [9, 2]),
        [1, 2],
      ],
      [],
    );
    const shown = suppress(rawCells({ ...emptyAggregate(), counters }), RELATIONS, 5);
    // fft (1) is small; the smallest other part of the type relation goes with it: sip-bup (6).
    expect(shown["interventions-started.type.fft"]?.suppressed).toBe(true);
    expect(shown["sip-bup-started"]?.suppressed).toBe(true);
    expect(shown["interventions-started.type.sig"]).toEqual({ value: 7, suppressed: false });
    expect(shown["interventions-started"]).toEqual({ value: 14, suppressed: false });
  });

  it("leaves no suppressed figure derivable from the figures shown", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.nat(10)), { maxLength: 30 }),
        fc.array(fc.nat(5), { maxLength: 12 }),
        (starts, extensions) => {
          const cells = rawCells({ ...emptyAggregate(), counters: countersOf(starts, extensions) });
          const result = suppress(cells, RELATIONS, 5);
          const shownValues = new Map<string, number>();
          const hidden = new Set<string>();
          for (const [id, cell] of Object.entries(result)) {
            if (cell.suppressed) hidden.add(id);
            else if (cell.value !== null) shownValues.set(id, cell.value);
          }
          expect(derivable(shownValues, hidden)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
