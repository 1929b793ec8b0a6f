import { describe, expect, it } from "vitest";
import { decideDeadlineStep } from "../../../services/release-notices/domain/deadline-step";
import { decideMilestone } from "../../../services/release-notices/domain/milestone";
import type { Notice } from "../../../services/release-notices/domain/notice";
import { statusChanges } from "../../../services/release-notices/domain/status-change";
import { releaseNoticeStatusChanged } from "../../../shared/events/catalogue/release-notices";
import { at, changedTransition, KRIMINALVARDEN, receivedNotice, staff } from "./notice-fixtures";

const statuses = (previous: Notice | undefined, next: Notice, now: Date) =>
  statusChanges(previous, next, now).map((d) => releaseNoticeStatusChanged.data.parse(d.data));

const RECEIVED = at("2026-01-15T09:00:00+01:00");
const notice = receivedNotice(RECEIVED);

describe("the status changes the poster is told of", () => {
  it("a new notice is received, for the client that posted it", () => {
    expect(notice.postedBy).toBe(KRIMINALVARDEN.subject);
    expect(statuses(undefined, notice, RECEIVED)).toEqual([
      {
        noticeId: notice.noticeId,
        status: "received",
        planDueDate: notice.expectedReleaseDate,
        at: RECEIVED.toISOString(),
        client: KRIMINALVARDEN.subject,
      },
    ]);
  });

  it("contact made is planning; a change that keeps the status tells nothing", () => {
    const later = at("2026-02-01T10:00:00+01:00");
    const planning = changedTransition(
      decideMilestone(notice, { milestone: "contact-made" }, staff(), later),
    ).notice;
    expect(statuses(notice, planning, later).map((c) => c.status)).toEqual(["planning"]);
    const again = changedTransition(
      decideMilestone(planning, { milestone: "contact-made" }, staff(), later),
    ).notice;
    expect(statuses(planning, again, later)).toEqual([]);
  });

  it("the breached plan deadline is told once, and a late plan is both plan-ready and breached", () => {
    const releaseDay = new Date(notice.plan.dueAt);
    const breached = decideDeadlineStep(notice, releaseDay).transition.notice;
    expect(statuses(notice, breached, releaseDay).map((c) => c.status)).toEqual(["plan-deadline-breached"]);
    const late = changedTransition(
      decideMilestone(notice, { milestone: "plan-ready" }, staff(), releaseDay),
    ).notice;
    expect(statuses(notice, late, releaseDay).map((c) => c.status)).toEqual([
      "plan-ready",
      "plan-deadline-breached",
    ]);
  });

  it("a notice stored before its poster was recorded has no one to tell", () => {
    const { postedBy: _, ...legacy } = notice;
    expect(statuses(undefined, legacy, RECEIVED)).toEqual([]);
  });
});
