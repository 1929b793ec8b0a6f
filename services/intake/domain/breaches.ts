/** What the deadline sweep decides for one referral it found due. */
import { breachDue } from "./deadlines/states";
import type { Referral, Transition } from "./referral";
import { breachDraft } from "./referral-events";

/**
 * Every deadline due by `now` and still open is marked breached, each with one `deadline.breached`.
 * The referral is not "updated" by anyone (its `updatedAt` stays), but its version moves, so a
 * second sweep at once, or staff recording the step meanwhile, cannot breach it twice.
 */
export const breachOverdue = (current: Referral, now: Date): Transition => {
  const marked = breachDue(current.deadlines, now);
  return {
    referral: { ...current, deadlines: marked.deadlines, version: current.version + 1 },
    expectedVersion: current.version,
    events: marked.breached.map((d) => breachDraft(current, d, now)),
    audit: [],
  };
};
