import { describe, expect, it } from "vitest";
import { decideDeadlineStep } from "../../../services/release-notices/domain/deadline-step";
import type { Notice } from "../../../services/release-notices/domain/notice";
import { nextDueAt } from "../../../services/release-notices/domain/transition";
import { at, DETAILS, expectEventTypes, receivedNotice } from "./notice-fixtures";

// A 1 December release in winter time: reminders at 00:00 CET/CEST on 2 Oct, 1 Nov and 24 Nov.
const notice = receivedNotice(at("2026-06-01T10:00:00+02:00"), {
  details: { ...DETAILS, expectedReleaseDate: "2026-12-01" },
});
const DAY60 = at("2026-10-01T22:00:00Z"); // 2 Oct 00:00 CEST
const DAY30 = at("2026-10-31T23:00:00Z"); // 1 Nov 00:00 CET, after the switch back
const DAY7 = at("2026-11-23T23:00:00Z");
const DUE = at("2026-11-30T23:00:00Z");

describe("the deadline sweep's step for one notice", () => {
  it("sends the 60-day reminder at the start of its day and moves the notice to the 30-day one", () => {
    expect(nextDueAt(notice, at("2026-06-01T10:00:00Z"))).toEqual(DAY60);
    const step = decideDeadlineStep(notice, DAY60);
    expect(step.stage).toEqual({ kind: "reminder", daysBefore: 60 });
    expect(step.transition.notice.plan.remindersSent).toEqual([60]);
    expectEventTypes(step.transition, ["release-plan.reminder"]);
    expect(step.transition.events[0]?.data).toEqual({
      noticeId: notice.noticeId,
      daysBeforeRelease: 60,
      planDueDate: "2026-12-01",
    });
    expect(step.transition.nextDueAt).toEqual(DAY30);
    expect(step.transition.audit).toBeUndefined();
  });

  it("counts the 30-day reminder in calendar days across the end of summer time", () => {
    const reminded: Notice = { ...notice, plan: { ...notice.plan, remindersSent: [60] } };
    expect(decideDeadlineStep(reminded, new Date(DAY30.getTime() - 1)).stage).toBeUndefined();
    expect(decideDeadlineStep(reminded, DAY30).stage).toEqual({ kind: "reminder", daysBefore: 30 });
    const twice: Notice = { ...notice, plan: { ...notice.plan, remindersSent: [60, 30] } };
    expect(decideDeadlineStep(twice, new Date(DAY7.getTime() - 1)).stage).toBeUndefined();
    expect(decideDeadlineStep(twice, DAY7).stage).toEqual({ kind: "reminder", daysBefore: 7 });
  });

  it("after a pause sends only the latest reminder reached, not the missed ones late", () => {
    const step = decideDeadlineStep(notice, at("2026-11-25T12:00:00Z"));
    expect(step.stage).toEqual({ kind: "reminder", daysBefore: 7 });
    expect(step.transition.notice.plan.remindersSent).toEqual([7]);
    expect(step.transition.nextDueAt).toEqual(DUE);
  });

  it("breaches when the release day begins, once: the notice leaves the index", () => {
    const reminded: Notice = { ...notice, plan: { ...notice.plan, remindersSent: [60, 30, 7] } };
    expect(decideDeadlineStep(reminded, new Date(DUE.getTime() - 1)).stage).toBeUndefined();
    const step = decideDeadlineStep(reminded, DUE);
    expect(step.stage).toEqual({ kind: "breach" });
    expect(step.transition.notice.plan.state).toBe("breached");
    expectEventTypes(step.transition, ["deadline.breached"]);
    expect(step.transition.events[0]?.data).toMatchObject({
      dueAt: DUE.toISOString(),
      deadline: "release-plan",
    });
    expect(step.transition.nextDueAt).toBeUndefined();
  });

  it("with nothing due (the index ran ahead) sends nothing and puts the notice where it belongs", () => {
    const reminded: Notice = { ...notice, plan: { ...notice.plan, remindersSent: [60] } };
    const step = decideDeadlineStep(reminded, at("2026-10-15T12:00:00Z"));
    expect(step.stage).toBeUndefined();
    expect(step.transition.events).toEqual([]);
    expect(step.transition.notice).toEqual(reminded);
    expect(step.transition.nextDueAt).toEqual(DAY30);
  });

  it("for a notice withdrawn, or whose plan is ready, sends nothing and takes it off the index", () => {
    const withdrawn: Notice = { ...notice, status: "withdrawn" };
    const ready: Notice = { ...notice, status: "plan-ready", plan: { ...notice.plan, state: "met" } };
    for (const n of [withdrawn, ready]) {
      const step = decideDeadlineStep(n, DUE);
      expect(step.stage).toBeUndefined();
      expect(step.transition.events).toEqual([]);
      expect(step.transition.nextDueAt).toBeUndefined();
    }
  });
});
