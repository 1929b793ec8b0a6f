import { z } from "zod";
import type { MonthAggregate } from "./aggregation";
import { COUNT_METRIC_IDS, HISTOGRAMS, type HistogramName } from "./metrics";

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const countSchema = z.number().int().nonnegative();

/**
 * A month's aggregate as stored: keys, then counters (`n:<metric id>`) and distribution buckets
 * (`h:<histogram>:<whole value>`), all non-negative integers. Validated on the way out, never cast.
 */
export const aggregateRecordSchema = z
  .object({
    pk: z.string().regex(/^AGG#\d{4}$/),
    sk: z.string().regex(/^MONTH#\d{4}-\d{2}$/),
    municipality: z.string().regex(/^\d{4}$/),
    month: monthSchema,
  })
  .catchall(countSchema);

const counterIds = new Set(COUNT_METRIC_IDS);
const histogramNames = new Set<string>(Object.keys(HISTOGRAMS));
const isHistogramName = (name: string): name is HistogramName => histogramNames.has(name);
const KEY_ATTRIBUTES = new Set(["pk", "sk", "municipality", "month"]);

export interface StoredAggregate {
  readonly municipality: string;
  readonly month: string;
  readonly aggregate: MonthAggregate;
}

export const parseAggregateRecord = (item: Record<string, unknown>): StoredAggregate => {
  const parsed = aggregateRecordSchema.safeParse(item);
  // A stored item that fails its schema is our bug: fail loudly, naming the path and no value.
  if (!parsed.success) {
    throw new Error(
      `stored aggregate does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`,
    );
  }
  const { municipality, month } = parsed.data;
  const counters = new Map<string, number>();
  const histograms: Record<HistogramName, Map<number, number>> = {
    leadDays: new Map(),
    triageHours: new Map(),
  };
  for (const [name, value] of Object.entries(item)) {
    if (KEY_ATTRIBUTES.has(name) || typeof value !== "number") continue;
    if (name.startsWith("n:") && counterIds.has(name.slice(2))) {
      counters.set(name.slice(2), value);
      continue;
    }
    const bucket = /^h:([A-Za-z]+):(-?\d+)$/.exec(name);
    const histogram = bucket?.[1];
    if (bucket && histogram !== undefined && isHistogramName(histogram)) {
      histograms[histogram].set(Number(bucket[2]), value);
    }
    // An attribute of a metric retired since it was written: kept in the table, not reported.
  }
  return { municipality, month, aggregate: { counters, histograms } };
};
