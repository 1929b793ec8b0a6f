import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { failedConditions, queryDue } from "../../shared/dynamo";
import { describeError } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import { breachDue } from "./deadlines";
import type { IntakeDeps } from "./deps";
import { dueIndex } from "./keys";
import { parseReferral, type ReferralRecord } from "./records";
import { Referrals, withSchedule } from "./referrals";

export interface SweepResult {
  readonly examined: number;
  readonly breaches: number;
  readonly skipped: number;
}

/** The referrals with a deadline due at `now`, from the due index: never more than what is due. */
export const readDue = async (deps: IntakeDeps, now: Date, maxItems = 1_000): Promise<ReferralRecord[]> => {
  const items = await queryDue(deps.doc, {
    tableName: deps.tableName,
    indexName: dueIndex.name,
    partition: dueIndex.partition,
    upTo: dueIndex.upTo(now),
    maxItems,
  });
  return items.flatMap((item) => parseReferral(item) ?? []);
};

/** Referrals committed at once: each is its own transaction, so they need not wait for each other. */
const CONCURRENCY = 8;

/**
 * Marks the deadlines that have passed and emits one `deadline.breached` for each. It queries the
 * due index up to now, so its cost follows what is due, not what is stored. Each referral moves
 * in its own transaction, conditioned on the version read: two sweeps at once cannot breach twice.
 */
export const sweepDeadlines = async (
  deps: IntakeDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const referrals = new Referrals(deps);
  const due = await readDue(deps, now, options.maxItems);

  let breaches = 0;
  let skipped = 0;
  const sweepOne = async (record: ReferralRecord): Promise<void> => {
    const marked = breachDue(record.deadlines, now);
    const next = withSchedule({ ...record, deadlines: marked.deadlines, version: record.version + 1 });
    const events = marked.breached.map((d) => referrals.breachEvent(record, d, now, correlationId));
    try {
      await deps.publisher.commit([referrals.save(next, record.version)], events);
      breaches += events.length;
    } catch (error) {
      skipped += 1;
      // Someone recorded the step meanwhile: the next sweep sees the new state.
      if (!failedConditions(error)?.includes(0)) {
        deps.logger.error("deadline sweep failed for a referral", {
          referralId: record.id,
          error: describeError(error),
        });
      }
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, due.length) }, async () => {
      while (next < due.length) {
        const record = due[next++];
        if (record) await sweepOne(record);
      }
    }),
  );
  if (breaches > 0) {
    deps.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, "intake");
    deps.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
    deps.metrics.publishStoredMetrics();
  }
  const result = { examined: due.length, breaches, skipped };
  if (due.length > 0) deps.logger.info("deadline sweep", { ...result });
  return result;
};
