import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { failedConditions, queryDue } from "../../shared/dynamo";
import { releasePlanReminder } from "../../shared/events/catalogue/release-notices";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { describeError } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import type { ReleaseNoticesDeps } from "./deps";
import { dueStage } from "./domain";
import { dueIndex } from "./keys";
import { ReleaseNotices } from "./notices";
import { type NoticeRecord, parseNoticeRecord } from "./records";

export interface SweepResult {
  readonly examined: number;
  readonly reminders: number;
  readonly breaches: number;
  readonly skipped: number;
}

/**
 * Sends the reminders and breaches that have fallen due. It queries the due index up to now,
 * so its cost follows what is due, not what is stored. Each notice moves in its own transaction,
 * conditioned on the version read: two sweeps running at once cannot send a stage twice.
 */
export const sweepDeadlines = async (
  deps: ReleaseNoticesDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const maxItems = options.maxItems ?? 1_000;
  const notices = new ReleaseNotices(deps);
  const items = await queryDue(deps.doc, {
    tableName: deps.tableName,
    indexName: dueIndex.name,
    partition: dueIndex.partition,
    upTo: dueIndex.upTo(now),
    maxItems,
  });
  const due = items.flatMap((item) => parseNoticeRecord(item) ?? []);

  let reminders = 0;
  let breaches = 0;
  let skipped = 0;
  for (const record of due) {
    const { due: stage } = dueStage(record.expectedReleaseDate, record.plan.remindersSent, now);
    const events: Envelope[] = [];
    let next: NoticeRecord = { ...record, version: record.version + 1 };
    if (stage?.kind === "breach") {
      next = { ...next, plan: { ...record.plan, state: "breached" } };
      events.push(notices.breachEvent(record, now, correlationId));
    } else if (stage?.kind === "reminder") {
      next = {
        ...next,
        plan: { ...record.plan, remindersSent: [...record.plan.remindersSent, stage.daysBefore] },
      };
      events.push(
        newEvent(releasePlanReminder, {
          source: "release-notices",
          municipality: record.municipality,
          correlationId,
          occurredAt: now,
          data: {
            noticeId: record.noticeId,
            daysBeforeRelease: stage.daysBefore,
            planDueDate: record.expectedReleaseDate,
          },
        }),
      );
    }
    next = notices.reschedule(next, now);
    try {
      await deps.publisher.commit([notices.saveItem(next, record.version)], events);
      if (stage?.kind === "breach") breaches += 1;
      if (stage?.kind === "reminder") reminders += 1;
    } catch (error) {
      skipped += 1;
      // Someone recorded a plan or an update meanwhile: the next sweep sees the new state.
      if (!failedConditions(error)?.includes(0)) {
        deps.logger.error("deadline sweep failed for a notice", {
          noticeId: record.noticeId,
          error: describeError(error),
        });
      }
    }
  }
  if (breaches > 0) {
    deps.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, "release-notices");
    deps.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
    deps.metrics.publishStoredMetrics();
  }
  const result = { examined: due.length, reminders, breaches, skipped };
  if (due.length > 0) deps.logger.info("deadline sweep", { ...result });
  return result;
};
