/** Latency figures over a set of samples, in milliseconds. Percentiles by nearest rank over sorted samples. */
export interface Summary {
  readonly n: number;
  readonly errors: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Requests per second over the wall time of the measured blocks. */
  readonly perSecond: number;
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export const percentile = (sorted: ArrayLike<number>, p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
};

export const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

export const summarize = (samples: readonly number[], wallMs: number, errors = 0): Summary => {
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const s of sorted) total += s;
  return {
    n: sorted.length,
    errors,
    meanMs: sorted.length ? total / sorted.length : Number.NaN,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    minMs: sorted[0] ?? Number.NaN,
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    perSecond: wallMs > 0 ? (sorted.length / wallMs) * 1000 : Number.NaN,
  };
};

export type Align = "left" | "right";

/** A plain-text table: a header row, a rule, the rows; numeric columns right-aligned. */
export const table = (headers: readonly string[], rows: readonly (readonly string[])[], align?: Align[]) => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const alignOf = (i: number): Align => align?.[i] ?? (i === 0 ? "left" : "right");
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (alignOf(i) === "left" ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
};

export const ms = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : "-";
export const us = (valueMs: number): string => (Number.isFinite(valueMs) ? (valueMs * 1000).toFixed(0) : "-");
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : "-");

/** P(X <= k) for X ~ Binomial(n, 1/2). */
const binomialHalfAtMost = (n: number, k: number): number => {
  let term = 0.5 ** n;
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
};

/**
 * An interval that holds the median of what is sampled with at least `confidence`, from no
 * assumption of the samples' distribution (order statistics: each sample falls below the median
 * with probability one half). The narrowest such pair of samples; with too few samples for the
 * confidence asked, the smallest and the largest, and the confidence those give.
 */
export const medianInterval = (
  values: readonly number[],
  confidence = 0.95,
): { readonly low: number; readonly high: number; readonly confidence: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { low: Number.NaN, high: Number.NaN, confidence: 0 };
  let k = 0;
  while (k + 1 < n - 1 - (k + 1) && 1 - 2 * binomialHalfAtMost(n, k + 1) >= confidence) k++;
  return {
    low: sorted[k] ?? Number.NaN,
    high: sorted[n - 1 - k] ?? Number.NaN,
    confidence: 1 - 2 * binomialHalfAtMost(n, k),
  };
};
