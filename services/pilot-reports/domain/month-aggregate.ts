/**
 * A month's figures as counted: increments, distributions and medians, and the cells the report
 * starts from. No event here (aggregation.ts turns events into increments): the report's function
 * loads this without the event catalogue's schemas.
 */
import { HISTOGRAM_NAMES, HISTOGRAMS, type HistogramName, METRICS } from "./catalogue";
import type { RawCell } from "./disclosure";
import type { Month } from "./months";

/**
 * What one event adds to one municipality's month: 1 to each named counter and 1 to one bucket of
 * each named distribution. An event touches one month only, and additions commute, so the totals
 * do not depend on the order events arrive in.
 */
export interface Increment {
  readonly municipality: string;
  readonly month: Month;
  readonly counters: readonly string[];
  readonly histograms: Readonly<Partial<Record<HistogramName, number>>>;
}

/** A median and how many values it is over; null over none. */
export interface MedianCell {
  readonly median: number | null;
  readonly n: number;
}

/**
 * One municipality's month as the report reads it: counters by metric id, and each distribution's
 * median worked out when its last value was added. The distributions themselves are not here: they
 * grow with the distinct values seen, and the report must not.
 */
export interface MonthAggregate {
  readonly counters: ReadonlyMap<string, number>;
  readonly medians: Readonly<Record<HistogramName, MedianCell>>;
}

/** Every distribution's median as it stands over no values. */
export const emptyMedians = (): Record<HistogramName, MedianCell> =>
  Object.fromEntries(HISTOGRAM_NAMES.map((name) => [name, { median: null, n: 0 }])) as Record<
    HistogramName,
    MedianCell
  >;

export const emptyAggregate = (): MonthAggregate => ({ counters: new Map(), medians: emptyMedians() });

/** One distribution as the consumer read it: version 0 when it has no item yet. */
export interface HistogramState {
  readonly version: number;
  readonly buckets: ReadonlyMap<number, number>;
}

export const emptyHistogram = (): HistogramState => ({ version: 0, buckets: new Map() });

/** The buckets with one more value in `value`'s bucket. Pure. */
export const withValue = (buckets: ReadonlyMap<number, number>, value: number): Map<number, number> =>
  new Map(buckets).set(value, (buckets.get(value) ?? 0) + 1);

/** The median of a bucketed distribution and how many values it is over; null over none. */
export const histogramMedian = (buckets: ReadonlyMap<number, number>): MedianCell => {
  const sorted = [...buckets].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const n = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return { median: null, n };
  // 1-based ranks of the middle value(s).
  const ranks = n % 2 === 1 ? [(n + 1) / 2] : [n / 2, n / 2 + 1];
  const values = ranks.map((rank) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= rank) return value;
    }
    return Number.NaN;
  });
  const median = values.reduce((a, b) => a + b, 0) / values.length;
  return { median, n };
};

/** The distributions an increment adds a value to, with the value. */
export const histogramValues = (increment: Increment): [HistogramName, number][] =>
  HISTOGRAM_NAMES.flatMap((name) => {
    const value = increment.histograms[name];
    return value === undefined ? [] : [[name, value]];
  });

export type HistogramsRead = Readonly<Partial<Record<HistogramName, HistogramState>>>;

/** What adding an increment's value does to one distribution: its bucket, the version it was read at, the median after. */
export interface HistogramChange {
  readonly name: HistogramName;
  readonly value: number;
  readonly readVersion: number;
  readonly after: MedianCell;
}

/** The new median of each distribution an increment adds to, given the distributions as read. Pure. */
export const histogramChanges = (increment: Increment, read: HistogramsRead): HistogramChange[] =>
  histogramValues(increment).map(([name, value]) => {
    const before = read[name] ?? emptyHistogram();
    return {
      name,
      value,
      readVersion: before.version,
      after: histogramMedian(withValue(before.buckets, value)),
    };
  });

const medianOf: ReadonlyMap<string, HistogramName> = new Map(
  HISTOGRAM_NAMES.map((name): [string, HistogramName] => [HISTOGRAMS[name], name]),
);

/** Every metric of the catalogue for one month, before disclosure control. */
export const rawCells = (aggregate: MonthAggregate): Record<string, RawCell> =>
  Object.fromEntries(
    METRICS.map((metric): [string, RawCell] => {
      if (metric.kind === "count") {
        return [metric.id, { kind: "count", value: aggregate.counters.get(metric.id) ?? 0 }];
      }
      const histogram = medianOf.get(metric.id);
      const { median, n } = histogram ? aggregate.medians[histogram] : { median: null, n: 0 };
      return [metric.id, { kind: "median", value: median, n }];
    }),
  );
