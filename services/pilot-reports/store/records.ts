import * as z from "zod/mini";
import { builtOnFirstUse } from "../../../shared/lazy";
import { parseStored, storedItemError } from "../../../shared/stored-item";
import { COUNT_METRIC_IDS, HISTOGRAM_NAMES, type HistogramName, isHistogramName } from "../domain/catalogue";
import type { HistogramState, MedianCell, MonthAggregate } from "../domain/month-aggregate";

/*
 * The two record schemas are built on first use, not as a function loads: the report reads only
 * month aggregates and the consumer only distributions, and both load this module.
 */
const buildFieldSchemas = () => ({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  municipality: z.string().check(z.regex(/^\d{4}$/)),
  count: z.number().check(z.int(), z.nonnegative()),
});
const fields = builtOnFirstUse(buildFieldSchemas);

/**
 * A month's aggregate as stored: keys, then counters (`n:<metric id>`, non-negative integers) and
 * per distribution its median (`m:<histogram>`, any number since lead days can be negative, or null
 * over no values) and how many values it is over (`mn:<histogram>`). Validated on the way out, never
 * cast.
 */
const buildAggregateRecordSchema = () =>
  z.catchall(
    z.object({
      pk: z.string().check(z.regex(/^AGG#\d{4}$/)),
      sk: z.string().check(z.regex(/^MONTH#\d{4}-\d{2}$/)),
      municipality: fields().municipality,
      month: fields().month,
    }),
    // z.number() refuses Infinity and NaN by itself (what classic zod's `.finite()` said).
    z.nullable(z.number()),
  );
const aggregateRecordSchema = builtOnFirstUse(buildAggregateRecordSchema);

/** One distribution of one municipality's month: keys, a version for optimistic writes, `h:<whole value>` buckets. */
const buildHistogramRecordSchema = () =>
  z.catchall(
    z.object({
      pk: z.string().check(z.regex(/^HIST#\d{4}$/)),
      sk: z.string().check(z.regex(/^MONTH#\d{4}-\d{2}#[A-Za-z]+$/)),
      municipality: fields().municipality,
      month: fields().month,
      histogram: z.string(),
      version: z.number().check(z.int(), z.positive()),
    }),
    fields().count,
  );
const histogramRecordSchema = builtOnFirstUse(buildHistogramRecordSchema);

const counterIds = new Set(COUNT_METRIC_IDS);
const AGGREGATE_KEYS = new Set(["pk", "sk", "municipality", "month"]);
const HISTOGRAM_KEYS = new Set([...AGGREGATE_KEYS, "histogram", "version"]);

export interface StoredAggregate {
  readonly municipality: string;
  readonly month: string;
  readonly aggregate: MonthAggregate;
}

export const parseAggregateRecord = (item: Record<string, unknown>): StoredAggregate => {
  const record = parseStored(aggregateRecordSchema(), item, "aggregate");
  const { municipality, month } = record;
  const counters = new Map<string, number>();
  const medians = Object.fromEntries(
    HISTOGRAM_NAMES.map((name) => [name, { median: null as number | null, n: 0 }]),
  ) as Record<HistogramName, { median: number | null; n: number }>;
  const count = (name: string, value: unknown): number => {
    const checked = fields().count.safeParse(value);
    if (!checked.success) throw storedItemError("aggregate", [name]);
    return checked.data;
  };
  for (const [name, value] of Object.entries(record)) {
    if (AGGREGATE_KEYS.has(name) || typeof value === "string") continue;
    const [prefix, rest = ""] = name.split(/:(.*)/s);
    if (prefix === "n" && counterIds.has(rest)) counters.set(rest, count(name, value));
    else if (prefix === "m" && isHistogramName(rest)) medians[rest].median = value;
    else if (prefix === "mn" && isHistogramName(rest)) medians[rest].n = count(name, value);
    // Otherwise an attribute of a metric retired since it was written: kept in the table, not reported.
  }
  const cells: Record<HistogramName, MedianCell> = medians;
  return { municipality, month, aggregate: { counters, medians: cells } };
};

export interface StoredHistogram extends HistogramState {
  readonly municipality: string;
  readonly month: string;
  readonly histogram: HistogramName;
}

export const parseHistogramRecord = (item: Record<string, unknown>): StoredHistogram => {
  const record = parseStored(histogramRecordSchema(), item, "histogram");
  const { municipality, month, histogram, version } = record;
  if (!isHistogramName(histogram)) throw storedItemError("histogram", ["histogram"]);
  const buckets = new Map<number, number>();
  for (const [name, value] of Object.entries(record)) {
    if (HISTOGRAM_KEYS.has(name) || typeof value !== "number") continue;
    const bucket = /^h:(-?\d+)$/.exec(name);
    if (bucket) buckets.set(Number(bucket[1]), value);
  }
  return { municipality, month, histogram, version, buckets };
};
