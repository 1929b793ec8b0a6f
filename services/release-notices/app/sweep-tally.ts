import type { Logger } from "@aws-lambda-powertools/logger";
import { type Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { retryOnLostRace } from "../../../shared/app/lost-race";
import { DomainError } from "../../../shared/domain/errors";
import { describeError } from "../../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../../shared/metrics";
import type { ServiceName } from "../../../shared/resources";

/**
 * The tail every deadline sweep shares, written once (candidate for shared/app): one step per due
 * item, each its own commit; a step that lost the race to a request (a plan recorded, a date
 * moved) is skipped quietly, since the next sweep sees the new state; any other failure is logged
 * by the item's ids only and skipped, so one bad item does not stop the rest.
 */
export const sweepEach = async <T, K extends string>(
  items: readonly T[],
  step: (item: T) => Promise<K | undefined>,
  options: { readonly logger: Logger; readonly idsOf: (item: T) => Record<string, string> },
): Promise<{ readonly counts: Partial<Record<K, number>>; readonly skipped: number }> => {
  const counts: Partial<Record<K, number>> = {};
  let skipped = 0;
  for (const item of items) {
    try {
      const kind = await retryOnLostRace("item", () => step(item), { attempts: 1 });
      if (kind !== undefined) counts[kind] = (counts[kind] ?? 0) + 1;
    } catch (error) {
      skipped += 1;
      const lostRace = error instanceof DomainError && error.code === "concurrent-change";
      if (!lostRace) {
        options.logger.error("deadline sweep failed for an item", {
          ...options.idsOf(item),
          error: describeError(error),
        });
      }
    }
  }
  return { counts, skipped };
};

/** The breached-deadline metric the alarms watch, per service; nothing is published for zero. */
export const publishBreaches = (metrics: Metrics, service: ServiceName, breaches: number): void => {
  if (breaches === 0) return;
  metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, service);
  metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
  metrics.publishStoredMetrics();
};
