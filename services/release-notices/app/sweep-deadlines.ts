import { decideDeadlineStep } from "../domain/deadline-step";
import { commitTransition } from "./commit-transition";
import type { AppDeps } from "./context";
import { publishBreaches, sweepEach } from "./sweep-tally";

export interface SweepResult {
  readonly examined: number;
  readonly reminders: number;
  readonly breaches: number;
  readonly skipped: number;
}

/**
 * Sends the reminders and breaches that have fallen due. It reads the due index up to now, so
 * its cost follows what is due, not what is stored. Each notice moves in its own transaction,
 * conditioned on the version read: two sweeps running at once cannot send a stage twice.
 */
export const sweepDeadlines = async (
  deps: AppDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const due = await deps.table.due(now, options.maxItems ?? 1_000);
  const { counts, skipped } = await sweepEach(
    due,
    async ({ notice, version }) => {
      const step = decideDeadlineStep(notice, now);
      await commitTransition(deps, step.transition, version, correlationId, now);
      return step.stage?.kind;
    },
    { logger: deps.logger, idsOf: ({ notice }) => ({ noticeId: notice.noticeId }) },
  );
  const result = {
    examined: due.length,
    reminders: counts.reminder ?? 0,
    breaches: counts.breach ?? 0,
    skipped,
  };
  publishBreaches(deps.metrics, "release-notices", result.breaches);
  if (due.length > 0) deps.logger.info("deadline sweep", { ...result });
  return result;
};
