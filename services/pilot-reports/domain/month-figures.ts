import { METRIC_IDS } from "./catalogue";
import { suppress } from "./disclosure";
import { emptyAggregate, type MonthAggregate } from "./month-aggregate";
import { type RateCell, rateCells, type ShownSourcedCell } from "./rates";
import type { Relation } from "./relations";
import { mergeSources, type SubmittedFigures } from "./sources";

export interface MonthSources {
  /** Whether the system's own events cover this month (see SystemCoverage). */
  readonly covered: boolean;
  /** The system's figures of the month; a covered month without any is all zeros. */
  readonly aggregate: MonthAggregate | undefined;
  readonly submission: SubmittedFigures | undefined;
}

export interface MonthFigures {
  readonly metrics: Record<string, ShownSourcedCell>;
  readonly rates: Record<string, RateCell>;
}

/**
 * One municipality's month as the report shows it: each figure from its source, disclosure
 * control over them all whatever their source (complementary suppression included), then the
 * rates from what is shown. Figures in the catalogue's order, so JSON and CSV list them the same
 * way every time.
 */
export const monthFigures = (
  sources: MonthSources,
  relations: readonly Relation[],
  threshold: number,
): MonthFigures => {
  const merged = mergeSources(
    sources.covered ? (sources.aggregate ?? emptyAggregate()) : undefined,
    sources.submission,
  );
  const shown = suppress(merged, relations, threshold);
  const metrics = Object.fromEntries(
    METRIC_IDS.flatMap((id): [string, ShownSourcedCell][] => {
      const cell = shown[id];
      const from = merged[id];
      if (!cell || !from) return [];
      return [
        [
          id,
          {
            ...cell,
            source: from.source,
            ...(from.sourceName === undefined ? {} : { sourceName: from.sourceName }),
          },
        ],
      ];
    }),
  );
  return { metrics, rates: rateCells(metrics) };
};
