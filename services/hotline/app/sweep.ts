import { sweepDue } from "../../../shared/app/sweep";
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
  /** Of `skipped`, the triages that failed for another reason than a lost race (SweepItemFailed). */
  readonly failed: number;
  /** Due triages left for the next run because the time budget ran out. */
  readonly deferred: number;
}

/**
 * Watches the triages' clocks: a call whose webhooks never came back becomes a callback task, an
 * unacknowledged triage goes to the manager, and one not completed within 24 hours is breached.
 * It reads only what is due; each triage moves in its own transaction conditioned on the version
 * read, so two sweeps cannot act twice, and one that loses the race leaves it to the next sweep.
 */
export const sweepTriages = async (
  deps: HotlineDeps,
  options: { maxItems?: number; correlationId?: string; remainingMs?: () => number } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const triages = new TriageStore(deps);
  const due = await triages.due(now, options.maxItems ?? 1_000);

  const calls = new CallHandling(deps);
  const notifier = new EscalationNotifier(deps, now);
  type Outcome = "abandoned" | "staleLeft" | "escalated" | "notified" | "notifyFailed";
  const swept = await sweepDue<Triage, Outcome>(
    due,
    async (triage) => {
      const stages = dueStages(triage, now);
      if (stages.includes("ringing-stale")) {
        // The call's own transition opens the triage as a callback task; the rest waits for the next sweep.
        return (await calls.abandonStale(triage.callId, correlationId)) ? { abandoned: 1 } : { staleLeft: 1 };
      }
      const tally: Partial<Record<Outcome | "breach", number>> = {};
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
          tally.escalated = 1;
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
        if (change.breached) tally.breach = 1;
      }
      if (stages.includes("escalate") || stages.includes("notify")) {
        const outcome = await notifier.notify(current);
        if (outcome === "sent") tally.notified = 1;
        if (outcome === "failed") tally.notifyFailed = 1;
      }
      return tally;
    },
    {
      service: "hotline",
      what: "triage",
      // Someone acknowledged or completed it meanwhile: the next sweep sees the new state.
      lostRace,
      logger: deps.logger,
      metrics: deps.metrics,
      // One item may wait for an escalation SMS (10 s) after its commit.
      reserveMs: 15_000,
      ...(options.remainingMs ? { remainingMs: options.remainingMs } : {}),
    },
  );
  const { counts } = swept;
  const result = {
    examined: swept.examined,
    abandoned: counts.abandoned ?? 0,
    escalated: counts.escalated ?? 0,
    breaches: counts.breach ?? 0,
    notified: counts.notified ?? 0,
    notifyFailed: counts.notifyFailed ?? 0,
    skipped: swept.skipped + (counts.staleLeft ?? 0),
    failed: swept.failed,
    deferred: swept.deferred,
  };
  if (due.length > 0) deps.logger.info("triage sweep", { ...result });
  return result;
};
