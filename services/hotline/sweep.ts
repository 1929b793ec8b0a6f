import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { failedConditions } from "../../shared/dynamo";
import type { Envelope } from "../../shared/events/envelope";
import { describeError } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import { Calls } from "./calls";
import type { HotlineDeps } from "./deps";
import { dueIndex } from "./keys";
import { parseTriageRecord, type TriageRecord } from "./records";
import { dueStages } from "./triage";
import { Triages } from "./triages";

export interface SweepResult {
  readonly examined: number;
  readonly abandoned: number;
  readonly escalated: number;
  readonly breaches: number;
  readonly skipped: number;
}

/**
 * Watches the triages' clocks: a call whose webhooks never came back becomes a callback task, an
 * unacknowledged triage goes to the manager, and one not completed within 24 hours is breached.
 * It queries the due index up to now, so it costs what is due, not what is stored; each triage
 * moves in its own transaction conditioned on the version read, so two sweeps cannot act twice.
 */
export const sweepTriages = async (
  deps: HotlineDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const maxItems = options.maxItems ?? 1_000;
  const due: TriageRecord[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: dueIndex.name,
        KeyConditionExpression: "gsi1pk = :p AND gsi1sk <= :now",
        ExpressionAttributeValues: { ":p": dueIndex.partition, ":now": dueIndex.upTo(now) },
        ExclusiveStartKey: startKey,
        Limit: Math.min(100, maxItems - due.length),
      }),
    );
    for (const item of out.Items ?? []) {
      const record = parseTriageRecord(item);
      if (record) due.push(record);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey && due.length < maxItems);

  const calls = new Calls(deps);
  const triages = new Triages(deps);
  let abandoned = 0;
  let escalated = 0;
  let breaches = 0;
  let skipped = 0;
  for (const record of due) {
    const stages = dueStages(record, now);
    try {
      if (stages.includes("ringing-stale")) {
        // The call's own transition opens the triage as a callback task; the rest waits for the next sweep.
        if (await calls.abandonStale(record.callId, correlationId)) abandoned += 1;
        else skipped += 1;
        continue;
      }
      const events: Envelope[] = [];
      let next: TriageRecord = { ...record, version: record.version + 1 };
      if (stages.includes("escalate")) {
        next = { ...next, escalated: { at: now.toISOString(), to: record.managerId ?? "manager" } };
      }
      if (stages.includes("breach")) {
        next = { ...next, deadline: { ...record.deadline, state: "breached" } };
        events.push(triages.breachEvent(record, now, correlationId));
      }
      await deps.publisher.commit([triages.save(next, record.version)], events);
      if (stages.includes("escalate")) {
        escalated += 1;
        deps.logger.warn("triage not acknowledged: escalated to the manager", {
          triageId: record.id,
          municipality: record.municipality,
          status: record.status,
        });
      }
      if (stages.includes("breach")) breaches += 1;
    } catch (error) {
      skipped += 1;
      // Someone acknowledged or completed it meanwhile: the next sweep sees the new state.
      if (!failedConditions(error)?.length) {
        deps.logger.error("triage sweep failed for a triage", {
          triageId: record.id,
          error: describeError(error),
        });
      }
    }
  }
  if (breaches > 0) {
    deps.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, "hotline");
    deps.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
    deps.metrics.publishStoredMetrics();
  }
  const result = { examined: due.length, abandoned, escalated, breaches, skipped };
  if (due.length > 0) deps.logger.info("triage sweep", { ...result });
  return result;
};
