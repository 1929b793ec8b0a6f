/** The deadline sweep (every 5 minutes): what is due, breached, one `deadline.breached` per deadline. */
import type { IntakeDeps } from "../deps";
import { breachOverdue } from "../domain/breaches";
import { readDue } from "../store/queries";
import { commitWrite, lostRace } from "../store/transaction";
import { prepareTransition } from "./referral-changes";
import { type SweepResult, sweepEach } from "./sweep-each";

export type { SweepResult } from "./sweep-each";

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
  const due = await readDue(deps, now, options.maxItems);
  return sweepEach(
    due,
    async (referral) => {
      const transition = breachOverdue(referral, now);
      const { write, events } = prepareTransition(deps, transition, { correlationId, now });
      await commitWrite(deps.publisher, write, events);
      return events.length;
    },
    {
      service: "intake",
      what: "referral",
      describe: (referral) => ({ referralId: referral.id }),
      lostRace,
      logger: deps.logger,
      metrics: deps.metrics,
    },
  );
};
