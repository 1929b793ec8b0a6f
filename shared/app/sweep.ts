/**
 * The tail every deadline sweep shares. Each due item is read (parsed) and handled inside its own
 * guard, so one unreadable item cannot stop the rest; a lost race is skipped quietly (the next
 * sweep sees the new state); any other failure is logged by the item's key, counted and published
 * at once as SweepItemFailed. Each breach is published as it happens, so a sweep cut short still
 * reported what it did. The sweep stops taking items when the Lambda's remaining time falls below
 * a reserve: the due index still holds the rest, and the next run continues there.
 */
import { describeError } from "../logger";
import { DEADLINE_BREACHED_METRIC } from "../metrics";
import type { ServiceName } from "../resources";
import { SWEEP_ITEM_FAILED_METRIC } from "../runtime/fault-metrics";
import { type MetricsSink, publishMetric } from "../runtime/publish-metric";

/** One item as the due index returned it; `read` parses it, and may throw for a broken item. */
export interface DueEntry<T> {
  /** The item's table key, for the log line (keys hold no personal data). */
  readonly key: string;
  readonly read: () => T | undefined;
}

/** Wraps the raw items of a due index so that each is parsed inside the sweep's per-item guard. */
export const dueEntries = <T>(
  items: readonly Record<string, unknown>[],
  parse: (item: Record<string, unknown>) => T | undefined,
): DueEntry<T>[] =>
  items.map((item) => ({ key: `${String(item.pk)} ${String(item.sk)}`, read: () => parse(item) }));

/** What of a logger the sweep uses (shared/logger.ts's is one). */
export interface SweepLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/** What of a metrics client the sweep uses (shared/runtime/emf-metrics.ts's is one). */
export type SweepMetrics = MetricsSink;

/** What one item's step did, by outcome ("breach", "reminder", …); `breach` feeds the breach metric. */
export type StepTally<K extends string> = Partial<Record<K | "breach", number>>;

export interface SweepTally<K extends string> {
  /** Items taken (read and handled, or failed); the rest wait for the next run. */
  readonly examined: number;
  readonly counts: StepTally<K>;
  /** Lost races and failures: left to the next run. */
  readonly skipped: number;
  /** Of `skipped`, the failures that were not a lost race (logged, counted in SweepItemFailed). */
  readonly failed: number;
  /** Items not taken because the time budget ran out. */
  readonly deferred: number;
}

export interface SweepOptions {
  readonly service: ServiceName;
  /** What an item is, for the log line ("referral"). */
  readonly what: string;
  readonly lostRace: (error: unknown) => boolean;
  readonly logger: SweepLogger;
  readonly metrics: SweepMetrics;
  /** Items handled at once (default 1). */
  readonly concurrency?: number;
  /** The invocation's remaining time in ms (the Lambda context's getRemainingTimeInMillis). */
  readonly remainingMs?: () => number;
  /** Below this much remaining time no new item is taken (default 3 s: one transaction's worst case with the SDK timeouts). */
  readonly reserveMs?: number;
}

export const sweepDue = async <T, K extends string>(
  due: readonly DueEntry<T>[],
  /** Decides and commits one item; answers what it did. */
  step: (item: T) => Promise<StepTally<K>>,
  options: SweepOptions,
): Promise<SweepTally<K>> => {
  const counts: Partial<Record<K | "breach", number>> = {};
  const reserveMs = options.reserveMs ?? 3_000;
  let examined = 0;
  let skipped = 0;
  let failed = 0;
  let next = 0;
  const outOfTime = () => options.remainingMs !== undefined && options.remainingMs() < reserveMs;
  const handle = async (entry: DueEntry<T>) => {
    try {
      const item = entry.read();
      if (item === undefined) return;
      const tally = await step(item);
      for (const [kind, n] of Object.entries(tally) as [K | "breach", number][]) {
        counts[kind] = (counts[kind] ?? 0) + n;
      }
      const breaches = tally.breach ?? 0;
      if (breaches > 0) {
        publishMetric(options.metrics, options.service, DEADLINE_BREACHED_METRIC.metricName, breaches);
      }
    } catch (error) {
      skipped += 1;
      if (options.lostRace(error)) return;
      failed += 1;
      options.logger.error(`deadline sweep failed for a ${options.what}`, {
        key: entry.key,
        error: describeError(error),
      });
      publishMetric(options.metrics, options.service, SWEEP_ITEM_FAILED_METRIC, 1);
    }
  };
  const worker = async () => {
    while (next < due.length && !outOfTime()) {
      const entry = due[next++];
      if (entry === undefined) continue;
      examined += 1;
      await handle(entry);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 1, due.length) }, worker));
  const result = { examined, counts, skipped, failed, deferred: due.length - examined };
  if (due.length > 0) {
    options.logger.info("deadline sweep", {
      what: options.what,
      examined,
      skipped,
      failed,
      deferred: result.deferred,
    });
  }
  return result;
};
