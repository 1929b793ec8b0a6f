import { METRICS } from "./catalogue";
import type { RawCell } from "./disclosure";
import { type MonthAggregate, rawCells } from "./month-aggregate";
import type { Month } from "./months";

/**
 * Where a figure comes from: the system's own events, a municipality's submission (its own case
 * system is then the record), or neither, in which case the figure is unknown: null, never 0.
 */
export type FigureSource = "system" | "submitted" | "none";

export interface SourcedCell extends RawCell {
  readonly source: FigureSource;
  /** The submission's `source`: the case system or method the municipality named. */
  readonly sourceName?: string;
}

/** The figures a municipality submitted for one month, by metric id, and what they came from. */
export interface SubmittedFigures {
  readonly figures: Readonly<Record<string, number>>;
  readonly source: string;
}

/**
 * The months the system's own events cover for one municipality: from the month of its first
 * recorded event (a municipality the system has never heard from is covered by nothing) through
 * the current month. Before that its counts are unknown, not zero; after the current month nothing
 * has happened yet. Once per-municipality settings exist, an administrator's start date would set
 * `from` instead.
 */
export interface SystemCoverage {
  readonly from: Month | undefined;
  readonly through: Month;
}

export const systemCovers = (coverage: SystemCoverage, month: Month): boolean =>
  coverage.from !== undefined && coverage.from <= month && month <= coverage.through;

const NONE: SourcedCell = { kind: "count", value: null, source: "none" };

/**
 * Every metric of one municipality's month with its source, before disclosure control. A metric
 * the municipality submitted comes from the submission; otherwise from the system where it covers
 * the month (`system` given; a covered month without an item is all zeros); otherwise it is
 * unknown. A submitted median is over the submitted count it names (`over`); without that count
 * its number of values is unknown, and disclosure control suppresses it.
 */
export const mergeSources = (
  system: MonthAggregate | undefined,
  submission: SubmittedFigures | undefined,
): Record<string, SourcedCell> => {
  const own = system ? rawCells(system) : undefined;
  return Object.fromEntries(
    METRICS.map((metric): [string, SourcedCell] => {
      const submitted = submission?.figures[metric.id];
      if (submission && submitted !== undefined) {
        const n = metric.over === undefined ? undefined : submission.figures[metric.over];
        return [
          metric.id,
          {
            kind: metric.kind,
            value: submitted,
            ...(n === undefined ? {} : { n }),
            source: "submitted",
            sourceName: submission.source,
          },
        ];
      }
      const cell = own?.[metric.id];
      return [metric.id, cell ? { ...cell, source: "system" } : { ...NONE, kind: metric.kind }];
    }),
  );
};
