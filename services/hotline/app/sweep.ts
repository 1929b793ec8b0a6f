import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { describeError } from "../../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../../shared/metrics";
import type { HotlineDeps } from "../deps";
import { escalateOrBreach } from "../domain/escalation";
import { dueStages } from "../domain/triage-clock";
import type { Triage } from "../domain/triage-state";
import { lostRace } from "../store/table";
import { TriageStore } from "../store/triage-store";
import { CallHandling } from "./call-handling";
import { toEnvelopes } from "./envelopes";
import { EscalationNotifier } from "./escalation-notifier";

export interface SweepResult {
  readonly examined: number;
  readonly abandoned: number;
  readonly escalated: number;
  readonly breaches: number;
  /** Escalation SMS accepted by the provider in this sweep. */
  readonly notified: number;
  /** Escalation SMS that could not be sent; each is tried again by the next sweep. */
  readonly notifyFailed: number;
  readonly skipped: number;
}

/** Breached deadlines go to the metric the breach alarm watches. */
const countBreaches = (deps: HotlineDeps, breaches: number): void => {
  if (breaches === 0) return;
  deps.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, "hotline");
  deps.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
  deps.metrics.publishStoredMetrics();
};

/**
 * Watches the triages' clocks: a call whose webhooks never came back becomes a callback task, an
 * unacknowledged triage goes to the manager, and one not completed within 24 hours is breached.
 * It reads only what is due; each triage moves in its own transaction conditioned on the version
 * read, so two sweeps cannot act twice, and one that loses the race leaves it to the next sweep.
 */
export const sweepTriages = async (
  deps: HotlineDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const triages = new TriageStore(deps);
  const due = await triages.due(now, options.maxItems ?? 1_000);

  const calls = new CallHandling(deps);
  const notifier = new EscalationNotifier(deps, now);
  let abandoned = 0;
  let escalated = 0;
  let breaches = 0;
  let notified = 0;
  let notifyFailed = 0;
  let skipped = 0;
  for (const triage of due) {
    const stages = dueStages(triage, now);
    try {
      if (stages.includes("ringing-stale")) {
        // The call's own transition opens the triage as a callback task; the rest waits for the next sweep.
        if (await calls.abandonStale(triage.callId, correlationId)) abandoned += 1;
        else skipped += 1;
        continue;
      }
      let current: Triage = triage;
      // Whether an SMS is to follow an escalation: unavailable now is "try later", not "never".
      const sms = stages.includes("escalate") ? await notifier.sms() : undefined;
      const notification = sms?.kind === "not-configured" ? "not-configured" : "pending";
      const change = escalateOrBreach(triage, stages, now, notification);
      if (change) {
        // Committed before any SMS goes out: a message is never sent for a state that was not kept.
        await triages.commit(change.triage, triage.version, {
          events: toEnvelopes(change.events, { municipality: triage.municipality, correlationId, now }),
        });
        current = change.triage;
        if (change.escalated) {
          escalated += 1;
          deps.logger.warn("triage not acknowledged: escalated to the manager", {
            triageId: triage.id,
            municipality: triage.municipality,
            status: triage.status,
          });
          if (notification === "not-configured") {
            deps.logger.error("escalated triage: the manager was not notified, SMS is not configured", {
              triageId: triage.id,
              municipality: triage.municipality,
            });
          }
        }
        if (change.breached) breaches += 1;
      }
      if (stages.includes("escalate") || stages.includes("notify")) {
        const outcome = await notifier.notify(current);
        if (outcome === "sent") notified += 1;
        if (outcome === "failed") notifyFailed += 1;
      }
    } catch (error) {
      skipped += 1;
      // Someone acknowledged or completed it meanwhile: the next sweep sees the new state.
      if (!lostRace(error)) {
        deps.logger.error("triage sweep failed for a triage", {
          triageId: triage.id,
          error: describeError(error),
        });
      }
    }
  }
  countBreaches(deps, breaches);
  const result = { examined: due.length, abandoned, escalated, breaches, notified, notifyFailed, skipped };
  if (due.length > 0) deps.logger.info("triage sweep", { ...result });
  return result;
};
