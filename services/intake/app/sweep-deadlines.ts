/** The deadline sweep (every 5 minutes): what is due, breached, one `deadline.breached` per deadline. */
import { sweepDue } from "../../../shared/app/sweep";
import type { IntakeDeps } from "../deps";
import { breachOverdue } from "../domain/breaches";
import { readDue } from "../store/due";
import { commitWrite, lostRace } from "../store/transaction";
import { prepareTransition } from "./referral-changes";

export interface SweepResult {
  readonly examined: number;
  readonly breaches: number;
  readonly skipped: number;
  /** Of `skipped`, the items that failed for another reason than a lost race (SweepItemFailed). */
  readonly failed: number;
  /** Due items left for the next run because the time budget ran out. */
  readonly deferred: number;
}

/**
 * Marks the deadlines that have passed and emits one `deadline.breached` for each. It queries the
 * due index up to now, so its cost follows what is due, not what is stored. Each referral moves
 * in its own transaction, conditioned on the version read: two sweeps at once cannot breach twice.
 */
export const sweepDeadlines = async (
  deps: IntakeDeps,
  options: { maxItems?: number; correlationId?: string; remainingMs?: () => number } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const due = await readDue(deps, now, options.maxItems);
  const swept = await sweepDue(
    due,
    async (referral) => {
      const transition = breachOverdue(referral, now);
      const { write, events } = prepareTransition(deps, transition, { correlationId, now });
      await commitWrite(deps.publisher, write, events);
      return { breach: events.length };
    },
    {
      service: "intake",
      what: "referral",
      lostRace,
      logger: deps.logger,
      metrics: deps.metrics,
      concurrency: 8,
      ...(options.remainingMs ? { remainingMs: options.remainingMs } : {}),
    },
  );
  const { examined, skipped, failed, deferred } = swept;
  return { examined, breaches: swept.counts.breach ?? 0, skipped, failed, deferred };
};
