import type { KeyMaterial } from "../../../shared/runtime/keys";
import type { Receipt } from "../contract-notice";
import type { NoticeView } from "../contract-views";
import { effectiveDeadlineState, type Notice } from "../domain/notice";
import { openNote, openSubject } from "./personal-data";

/** What the API answers, built from the notice: personal data only in the staff's full view. */

export const toReceipt = (notice: Notice): Receipt => ({
  id: notice.id,
  noticeId: notice.noticeId,
  status: notice.status,
  leadDays: notice.leadDays,
  onTime: notice.onTime,
  planDueDate: notice.expectedReleaseDate,
});

/** Kriminalvården's read: the status of its notice, nothing personal. */
export const toStatusView = (notice: Notice) => ({
  ...toReceipt(notice),
  municipality: notice.municipality,
  expectedReleaseDate: notice.expectedReleaseDate,
  updatedAt: notice.updatedAt,
});

/** A list row for staff: no person, no contact, no notes. */
export const toSummaryView = (notice: Notice, now: Date) => ({
  ...toStatusView(notice),
  institution: notice.institution,
  releaseType: notice.releaseType,
  needs: [...notice.needs],
  receivedAt: notice.receivedAt,
  planDeadline: {
    dueDate: notice.expectedReleaseDate,
    state: effectiveDeadlineState(notice, now),
    remindersSent: [...notice.plan.remindersSent],
  },
  ...(notice.withdrawal ? { withdrawal: notice.withdrawal } : {}),
});

/** The whole notice for the municipality's staff: the identity number and the notes opened. */
export const toFullView = (notice: Notice, keys: KeyMaterial, now: Date): NoticeView => ({
  ...toSummaryView(notice, now),
  person: { personalIdentityNumber: openSubject(notice, keys) },
  contact: notice.contact,
  milestones: notice.milestones.map((entry) => {
    const note = openNote(keys, notice, entry);
    return { milestone: entry.milestone, at: entry.at, by: entry.by, ...(note ? { note } : {}) };
  }),
});
