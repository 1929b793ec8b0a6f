import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import type { Notice } from "./notice";
import { draft, type EventDraft } from "./transition";

/**
 * The plan was not ready when the release day began: one `deadline.breached`, from the sweep or the
 * plan call. Apart from transition.ts, which every command imports, so that only these two load the
 * deadlines' event contracts.
 */
export const breachDraft = (notice: Notice, now: Date): EventDraft =>
  draft(deadlineBreached, {
    service: "release-notices",
    subject: { type: "release-notice", id: notice.noticeId },
    deadline: "release-plan",
    dueAt: notice.plan.dueAt,
    breachedAt: now.toISOString(),
  });
