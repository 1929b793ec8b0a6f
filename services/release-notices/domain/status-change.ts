import { releaseNoticeStatusChanged } from "../../../shared/events/catalogue/release-notices";
import type { StatusChange } from "./delivery";
import type { Notice } from "./notice";
import { draft, type EventDraft } from "./transition";

/**
 * The status changes a transition amounts to for the client that posted the notice: received,
 * planning, plan ready, withdrawn, and the plan deadline breached (which leaves the status as it
 * was). A plan made ready after the deadline is both. A notice stored before its poster was
 * recorded has no one to tell.
 */
export const statusChanges = (previous: Notice | undefined, next: Notice, now: Date): EventDraft[] => {
  if (next.postedBy === undefined) return [];
  const changes: StatusChange[] = [];
  if (previous === undefined || previous.status !== next.status) changes.push(next.status);
  if (previous !== undefined && previous.plan.state !== "breached" && next.plan.state === "breached") {
    changes.push("plan-deadline-breached");
  }
  const client = next.postedBy;
  return changes.map((status) =>
    draft(releaseNoticeStatusChanged, {
      noticeId: next.noticeId,
      status,
      planDueDate: next.expectedReleaseDate,
      at: now.toISOString(),
      client,
    }),
  );
};
