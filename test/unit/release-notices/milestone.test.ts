import { describe, expect, it } from "vitest";
import { decideMilestone } from "../../../services/release-notices/domain/milestone";
import type { Notice } from "../../../services/release-notices/domain/notice";
import { decideWithdraw } from "../../../services/release-notices/domain/withdraw";
import {
  at,
  changedTransition,
  DETAILS,
  expectEventTypes,
  KRIMINALVARDEN,
  receivedNotice,
  refusal,
  staff,
  unchangedNotice,
} from "./notice-fixtures";

// A 1 July release: the plan is due at 00:00 CEST on 1 July, 22:00 UTC on 30 June.
const notice = receivedNotice(at("2026-03-23T10:00:00+01:00"), {
  details: { ...DETAILS, expectedReleaseDate: "2026-07-01" },
});
const DUE = at("2026-06-30T22:00:00.000Z");
const BEFORE = at("2026-05-10T09:00:00Z");
const STAFF = staff("0880", "handlaggare-7");

describe("contact made", () => {
  it("moves a received notice to planning and records who, when, and the note as sealed", () => {
    const t = changedTransition(
      decideMilestone(notice, { milestone: "contact-made", noteSealed: "v1.k.sealed" }, STAFF, BEFORE),
    );
    expect(t.notice.status).toBe("planning");
    expect(t.notice.milestones).toEqual([
      { milestone: "contact-made", at: BEFORE.toISOString(), by: "handlaggare-7", noteSealed: "v1.k.sealed" },
    ]);
    expect(t.notice.plan.state).toBe("open");
    expect(t.events).toEqual([]);
    expect(t.audit).toEqual({ action: "milestone:contact-made", actor: "handlaggare-7", at: BEFORE });
  });

  it("keeps the notice on the sweep's index: the reminders go on until the plan is ready", () => {
    const t = changedTransition(decideMilestone(notice, { milestone: "contact-made" }, STAFF, BEFORE));
    expect(t.nextDueAt?.toISOString()).toBe("2026-05-31T22:00:00.000Z"); // the 30-day reminder
  });

  it("a second time adds an entry and leaves the status alone", () => {
    const planning = changedTransition(decideMilestone(notice, { milestone: "contact-made" }, STAFF, BEFORE));
    const again = changedTransition(
      decideMilestone(planning.notice, { milestone: "contact-made" }, STAFF, at("2026-05-11T09:00:00Z")),
    );
    expect(again.notice.status).toBe("planning");
    expect(again.notice.milestones).toHaveLength(2);
  });
});

describe("plan ready", () => {
  it("before the release day begins meets the deadline and emits release-plan.ready (byReleaseDate)", () => {
    const t = changedTransition(decideMilestone(notice, { milestone: "plan-ready" }, STAFF, BEFORE));
    expect(t.notice.status).toBe("plan-ready");
    expect(t.notice.plan).toMatchObject({ state: "met", readyAt: BEFORE.toISOString() });
    expectEventTypes(t, ["release-plan.ready"]);
    expect(t.events[0]?.data).toEqual({
      noticeId: notice.noticeId,
      readyAt: BEFORE.toISOString(),
      planDueDate: "2026-07-01",
      byReleaseDate: true,
    });
    expect(t.nextDueAt).toBeUndefined();
  });

  it("a millisecond before the release day still meets it", () => {
    const justBefore = new Date(DUE.getTime() - 1);
    const t = changedTransition(decideMilestone(notice, { milestone: "plan-ready" }, STAFF, justBefore));
    expect(t.notice.plan.state).toBe("met");
  });

  it("when the release day has begun is ready but breached; the breach the sweep had not sent goes now", () => {
    const t = changedTransition(decideMilestone(notice, { milestone: "plan-ready" }, STAFF, DUE));
    expect(t.notice.status).toBe("plan-ready");
    expect(t.notice.plan.state).toBe("breached");
    expectEventTypes(t, ["deadline.breached", "release-plan.ready"]);
    expect(t.events[0]?.data).toEqual({
      service: "release-notices",
      subject: { type: "release-notice", id: notice.noticeId },
      deadline: "release-plan",
      dueAt: DUE.toISOString(),
      breachedAt: DUE.toISOString(),
    });
    expect(t.events[1]?.data).toMatchObject({ byReleaseDate: false });
  });

  it("after the sweep recorded the breach sends no second breach", () => {
    const breached: Notice = { ...notice, plan: { ...notice.plan, state: "breached" } };
    const later = at("2026-07-01T06:00:00Z");
    const t = changedTransition(decideMilestone(breached, { milestone: "plan-ready" }, STAFF, later));
    expectEventTypes(t, ["release-plan.ready"]);
    expect(t.notice.plan.state).toBe("breached");
  });

  it("twice is the same as once", () => {
    const ready = changedTransition(
      decideMilestone(notice, { milestone: "plan-ready" }, STAFF, BEFORE),
    ).notice;
    const later = at("2026-05-12T09:00:00Z");
    expect(unchangedNotice(decideMilestone(ready, { milestone: "plan-ready" }, STAFF, later))).toBe(ready);
  });

  it("then contact made is recorded, and the plan stays ready", () => {
    const ready = changedTransition(
      decideMilestone(notice, { milestone: "plan-ready" }, STAFF, BEFORE),
    ).notice;
    const t = changedTransition(decideMilestone(ready, { milestone: "contact-made" }, STAFF, BEFORE));
    expect(t.notice.status).toBe("plan-ready");
    expect(t.notice.plan.state).toBe("met");
  });
});

describe("who may record the plan, and when", () => {
  it("a token without a municipality is refused (403) whatever the notice", () => {
    expect(refusal(decideMilestone(notice, { milestone: "plan-ready" }, KRIMINALVARDEN, BEFORE)).kind).toBe(
      "forbidden",
    );
    expect(
      refusal(decideMilestone(undefined, { milestone: "plan-ready" }, KRIMINALVARDEN, BEFORE)).kind,
    ).toBe("forbidden");
  });

  it("staff of another municipality find no notice, as for one never posted", () => {
    const other = refusal(decideMilestone(notice, { milestone: "plan-ready" }, staff("0180"), BEFORE));
    const none = refusal(decideMilestone(undefined, { milestone: "plan-ready" }, staff("0180"), BEFORE));
    expect(other.kind).toBe("not-found");
    expect(other.detail).toBe(none.detail);
  });

  it("a withdrawn notice takes no milestone", () => {
    const withdrawn = changedTransition(decideWithdraw(notice, undefined, KRIMINALVARDEN, BEFORE)).notice;
    for (const milestone of ["contact-made", "plan-ready"] as const) {
      expect(refusal(decideMilestone(withdrawn, { milestone }, STAFF, BEFORE))).toMatchObject({
        kind: "conflict",
        code: "withdrawn",
      });
    }
  });
});
