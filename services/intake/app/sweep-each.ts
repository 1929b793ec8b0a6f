/**
 * The tail every deadline sweep shares: each due item in its own transaction, a few at once; a
 * lost race skipped quietly (someone changed the item meanwhile and the next sweep sees the new
 * state); any other failure logged and skipped; the breaches counted into the DeadlineBreached
 * metric the alarms watch. Nothing here is intake's own: a candidate for shared/app.
 */
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { describeError } from "../../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../../shared/metrics";
import type { ServiceName } from "../../../shared/resources";

/** What of a logger the sweep uses (powertools' Logger is one). */
export interface SweepLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

/** What of a metrics client the sweep uses (powertools' Metrics is one). */
export interface SweepMetrics {
  addDimension(name: string, value: string): void;
  addMetric(name: string, unit: (typeof MetricUnit)[keyof typeof MetricUnit], value: number): void;
  publishStoredMetrics(): void;
}

export interface SweepResult {
  readonly examined: number;
  readonly breaches: number;
  readonly skipped: number;
}

export const sweepEach = async <T>(
  due: readonly T[],
  /** Decides and commits one item; answers how many breaches it emitted. */
  sweepOne: (item: T) => Promise<number>,
  options: {
    readonly service: ServiceName;
    /** What an item is, for the log line ("referral"). */
    readonly what: string;
    /** Ids to log for an item that failed: never personal data. */
    readonly describe: (item: T) => Record<string, string>;
    readonly lostRace: (error: unknown) => boolean;
    readonly logger: SweepLogger;
    readonly metrics: SweepMetrics;
    readonly concurrency?: number;
  },
): Promise<SweepResult> => {
  let breaches = 0;
  let skipped = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const item = due[next++];
      if (item === undefined) continue;
      try {
        // Awaited first: `breaches += await …` would read the count before the wait and lose other workers' additions.
        const emitted = await sweepOne(item);
        breaches += emitted;
      } catch (error) {
        skipped += 1;
        if (!options.lostRace(error)) {
          options.logger.error(`deadline sweep failed for a ${options.what}`, {
            ...options.describe(item),
            error: describeError(error),
          });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, due.length) }, worker));
  if (breaches > 0) {
    options.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, options.service);
    options.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
    options.metrics.publishStoredMetrics();
  }
  const result = { examined: due.length, breaches, skipped };
  if (due.length > 0) options.logger.info("deadline sweep", { ...result });
  return result;
};
