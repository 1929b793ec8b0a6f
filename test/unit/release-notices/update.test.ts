import { describe, expect, it } from "vitest";
import type { Notice } from "../../../services/release-notices/domain/notice";
import { decideUpdate, type UpdateCommand } from "../../../services/release-notices/domain/update";
import { decideWithdraw } from "../../../services/release-notices/domain/withdraw";
import {
  at,
  changedTransition,
  DETAILS,
  expectEventTypes,
  KRIMINALVARDEN,
  OTHER_SUBJECT,
  receivedNotice,
  refusal,
  SUBJECT,
  staff,
  unchangedNotice,
} from "./notice-fixtures";

const RECEIVED = at("2026-01-14T23:30:00Z"); // 15 Jan in Stockholm: 151 days before 15 Jun
const UPDATED = at("2026-03-01T10:00:00Z");
const notice = receivedNotice(RECEIVED);

const update = (overrides: Partial<UpdateCommand> = {}): UpdateCommand => ({
  municipality: "0880",
  details: DETAILS,
  subject: SUBJECT,
  requestHash: "update-hash-1",
  leadMonths: 3,
  ...overrides,
});
const moveTo = (expectedReleaseDate: string, overrides: Partial<UpdateCommand> = {}) =>
  update({ details: { ...DETAILS, expectedReleaseDate }, ...overrides });

describe("an update that moves the release date", () => {
  const t = changedTransition(decideUpdate(notice, moveTo("2026-07-01"), KRIMINALVARDEN, UPDATED));

  it("counts the lead time from the update: the new date is news to the municipality now", () => {
    expect(t.notice).toMatchObject({ expectedReleaseDate: "2026-07-01", leadDays: 122, onTime: true });
    expect(t.notice.receivedAt).toBe(notice.receivedAt);
  });

  it("starts a new plan deadline at the new release day, with no reminders sent yet", () => {
    expect(t.notice.plan).toEqual({ dueAt: "2026-06-30T22:00:00.000Z", state: "open", remindersSent: [] });
    expect(t.nextDueAt?.toISOString()).toBe("2026-05-01T22:00:00.000Z");
  });

  it("emits release-notice.updated with the previous date and the identity sealed; audits the update", () => {
    expectEventTypes(t, ["release-notice.updated"]);
    expect(t.events[0]?.data).toMatchObject({
      expectedReleaseDate: "2026-07-01",
      previousExpectedReleaseDate: "2026-06-15",
      updatedAt: UPDATED.toISOString(),
      subjectSealed: SUBJECT.sealed,
    });
    expect(t.audit).toEqual({ action: "update", actor: "kv-client", at: UPDATED });
  });

  it("is late when the new date is less than three months from the update", () => {
    const late = changedTransition(decideUpdate(notice, moveTo("2026-05-31"), KRIMINALVARDEN, UPDATED));
    expect(late.notice).toMatchObject({ leadDays: 91, onTime: false });
  });
});

describe("an update that leaves the release date alone", () => {
  it("keeps the original lead time and the plan deadline with its reminders", () => {
    const reminded: Notice = { ...notice, plan: { ...notice.plan, remindersSent: [60] } };
    const command = update({ details: { ...DETAILS, needs: ["housing", "financial"] } });
    const t = changedTransition(decideUpdate(reminded, command, KRIMINALVARDEN, UPDATED));
    expect(t.notice).toMatchObject({ needs: ["housing", "financial"], leadDays: 151, onTime: true });
    expect(t.notice.plan).toEqual(reminded.plan);
  });
});

describe("a plan already ready", () => {
  it("stays ready when the release is postponed: no new deadline, nothing on the sweep's index", () => {
    const ready: Notice = {
      ...notice,
      status: "plan-ready",
      plan: { ...notice.plan, state: "met", readyAt: "2026-02-01T10:00:00.000Z" },
    };
    const t = changedTransition(decideUpdate(ready, moveTo("2026-10-01"), KRIMINALVARDEN, UPDATED));
    expect(t.notice.status).toBe("plan-ready");
    expect(t.notice.plan).toEqual(ready.plan);
    expect(t.nextDueAt).toBeUndefined();
  });
});

describe("an update that cannot be made", () => {
  it("the same update again changes nothing", () => {
    const once = changedTransition(
      decideUpdate(notice, moveTo("2026-07-01"), KRIMINALVARDEN, UPDATED),
    ).notice;
    expect(unchangedNotice(decideUpdate(once, moveTo("2026-07-01"), KRIMINALVARDEN, UPDATED))).toBe(once);
  });

  it("of no notice, or of another municipality's notice for a bound token, is not found", () => {
    expect(refusal(decideUpdate(undefined, update(), KRIMINALVARDEN, UPDATED)).kind).toBe("not-found");
    expect(refusal(decideUpdate(notice, update(), staff("0180"), UPDATED)).kind).toBe("not-found");
  });

  it("of a withdrawn notice is a conflict", () => {
    const withdrawn = changedTransition(decideWithdraw(notice, undefined, KRIMINALVARDEN, UPDATED)).notice;
    expect(refusal(decideUpdate(withdrawn, update(), KRIMINALVARDEN, UPDATED))).toMatchObject({
      kind: "conflict",
      code: "withdrawn",
    });
  });

  it("to a date already passed is unprocessable, naming expectedReleaseDate", () => {
    const error = refusal(decideUpdate(notice, moveTo("2026-02-28"), KRIMINALVARDEN, UPDATED));
    expect(error.kind).toBe("unprocessable");
    expect(error.fields?.map((f) => f.path)).toEqual(["expectedReleaseDate"]);
  });

  it("about another person is a conflict in words: post a new notice", () => {
    const error = refusal(decideUpdate(notice, update({ subject: OTHER_SUBJECT }), KRIMINALVARDEN, UPDATED));
    expect(error).toMatchObject({ kind: "conflict", code: "notice-conflict" });
    expect(error.detail).toBe("The notice is about another person; post a new notice");
  });

  it("to another municipality is a conflict in words: withdraw and post anew", () => {
    const error = refusal(decideUpdate(notice, update({ municipality: "0180" }), KRIMINALVARDEN, UPDATED));
    expect(error).toMatchObject({ kind: "conflict", code: "notice-conflict" });
    expect(error.detail).toMatch(/^The municipality cannot change; withdraw this notice/);
    expect(error.detail).not.toContain("0180");
  });
});

describe("withdrawal", () => {
  it("sets the status, keeps the reason, stops the plan deadline and emits release-notice.withdrawn", () => {
    const t = changedTransition(decideWithdraw(notice, "transferred", KRIMINALVARDEN, UPDATED));
    expect(t.notice).toMatchObject({
      status: "withdrawn",
      updatedAt: UPDATED.toISOString(),
      withdrawal: { at: UPDATED.toISOString(), reason: "transferred" },
    });
    expect(t.nextDueAt).toBeUndefined();
    expectEventTypes(t, ["release-notice.withdrawn"]);
    expect(t.events[0]?.data).toEqual({
      noticeId: notice.noticeId,
      withdrawnAt: UPDATED.toISOString(),
      subjectRef: SUBJECT.ref,
    });
    expect(t.audit?.action).toBe("withdraw");
  });

  it("without a reason records none", () => {
    const t = changedTransition(decideWithdraw(notice, undefined, KRIMINALVARDEN, UPDATED));
    expect(t.notice.withdrawal).toEqual({ at: UPDATED.toISOString() });
  });

  it("twice is the same as once", () => {
    const withdrawn = changedTransition(decideWithdraw(notice, "other", KRIMINALVARDEN, UPDATED)).notice;
    const later = at("2026-03-02T10:00:00Z");
    expect(unchangedNotice(decideWithdraw(withdrawn, "deceased", KRIMINALVARDEN, later))).toBe(withdrawn);
  });

  it("of no notice is not found", () => {
    expect(refusal(decideWithdraw(undefined, undefined, KRIMINALVARDEN, UPDATED)).kind).toBe("not-found");
  });
});
