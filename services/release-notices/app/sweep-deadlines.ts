import { retryOnLostRace } from "../../../shared/app/lost-race";
import { sweepDue } from "../../../shared/app/sweep";
import { DomainError } from "../../../shared/domain/errors";
import { decideDeadlineStep } from "../domain/deadline-step";
import { commitTransition } from "./commit-transition";
import type { AppDeps } from "./context";

export interface SweepResult {
  readonly examined: number;
  readonly reminders: number;
  readonly breaches: number;
  readonly skipped: number;
  /** Of `skipped`, the items that failed for another reason than a lost race (SweepItemFailed). */
  readonly failed: number;
  /** Due items left for the next run because the time budget ran out. */
  readonly deferred: number;
}

/**
 * Sends the reminders and breaches that have fallen due. It reads the due index up to now, so
 * its cost follows what is due, not what is stored. Each notice moves in its own transaction,
 * conditioned on the version read: two sweeps running at once cannot send a stage twice; one
 * that lost the race to a request (a plan recorded, a date moved) leaves it to the next sweep.
 */
export const sweepDeadlines = async (
  deps: AppDeps,
  options: { maxItems?: number; correlationId?: string; remainingMs?: () => number } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const due = await deps.table.due(now, options.maxItems ?? 1_000);
  const swept = await sweepDue(
    due,
    async ({ notice, version }) => {
      const step = decideDeadlineStep(notice, now);
      await retryOnLostRace(
        "notice",
        () => commitTransition(deps, step.transition, notice, version, correlationId, now),
        {
          attempts: 1,
        },
      );
      return step.stage ? { [step.stage.kind]: 1 } : {};
    },
    {
      service: "release-notices",
      what: "notice",
      lostRace: (error) => error instanceof DomainError && error.code === "concurrent-change",
      logger: deps.logger,
      metrics: deps.metrics,
      ...(options.remainingMs ? { remainingMs: options.remainingMs } : {}),
    },
  );
  const { examined, skipped, failed, deferred } = swept;
  return {
    examined,
    reminders: swept.counts.reminder ?? 0,
    breaches: swept.counts.breach ?? 0,
    skipped,
    failed,
    deferred,
  };
};
