import { describe, expect, it } from "vitest";
import { decideReceive } from "../../../services/release-notices/domain/receive";
import {
  at,
  changedTransition,
  DETAILS,
  expectEventTypes,
  KRIMINALVARDEN,
  receiveCommand,
  receivedNotice,
  refusal,
  SUBJECT,
  staff,
  unchangedNotice,
} from "./notice-fixtures";

const NOW = at("2026-01-14T23:30:00Z"); // 15 Jan in Stockholm

describe("receiving a notice", () => {
  it("opens it: received, lead time in Swedish dates, the plan due when the release day begins", () => {
    const t = changedTransition(decideReceive(undefined, receiveCommand(), KRIMINALVARDEN, NOW));
    expect(t.notice).toMatchObject({
      noticeId: "KV-2026-000123",
      municipality: "0880",
      status: "received",
      leadDays: 151,
      onTime: true,
      receivedAt: NOW.toISOString(),
      subjectRef: SUBJECT.ref,
      subjectSealed: SUBJECT.sealed,
      plan: { dueAt: "2026-06-14T22:00:00.000Z", state: "open", remindersSent: [] },
      milestones: [],
    });
    expect(t.audit).toEqual({ action: "create", actor: "kv-client", at: NOW });
  });

  it("emits release-notice.received with the facts and the identity only sealed", () => {
    const t = changedTransition(decideReceive(undefined, receiveCommand(), KRIMINALVARDEN, NOW));
    expectEventTypes(t, ["release-notice.received"]);
    expect(t.events[0]?.data).toEqual({
      noticeId: "KV-2026-000123",
      expectedReleaseDate: "2026-06-15",
      releaseType: "conditional",
      needs: ["housing", "employment"],
      receivedAt: NOW.toISOString(),
      leadDays: 151,
      onTime: true,
      planDueDate: "2026-06-15",
      subjectRef: SUBJECT.ref,
      subjectSealed: SUBJECT.sealed,
    });
  });

  it("places it on the sweep's index at its first reminder: 60 days before, at the start of that day", () => {
    const t = changedTransition(decideReceive(undefined, receiveCommand(), KRIMINALVARDEN, NOW));
    expect(t.nextDueAt?.toISOString()).toBe("2026-04-15T22:00:00.000Z"); // 16 Apr 00:00 CEST
  });

  it("accepts a release today (in Sweden): 0 days, late, due at once", () => {
    const command = receiveCommand({ details: { ...DETAILS, expectedReleaseDate: "2026-01-15" } });
    const t = changedTransition(decideReceive(undefined, command, KRIMINALVARDEN, NOW));
    expect(t.notice).toMatchObject({ leadDays: 0, onTime: false });
    expect(t.nextDueAt?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("refuses a release date that has passed in Sweden (422 naming expectedReleaseDate)", () => {
    const command = receiveCommand({ details: { ...DETAILS, expectedReleaseDate: "2026-01-14" } });
    const error = refusal(decideReceive(undefined, command, KRIMINALVARDEN, NOW));
    expect(error.kind).toBe("unprocessable");
    expect(error.fields).toEqual([{ path: "expectedReleaseDate", message: "must be today or later" }]);
  });

  it("lets a token bound to a municipality post for that municipality only", () => {
    expect(decideReceive(undefined, receiveCommand(), staff("0880"), NOW).ok).toBe(true);
    expect(refusal(decideReceive(undefined, receiveCommand(), staff("0180"), NOW)).kind).toBe("forbidden");
  });
});

describe("a noticeId already used", () => {
  const existing = receivedNotice(NOW);

  it("with the same body is the same notice: no change, even after the release day", () => {
    expect(unchangedNotice(decideReceive(existing, receiveCommand(), KRIMINALVARDEN, NOW))).toBe(existing);
    const late = at("2026-06-20T10:00:00Z");
    expect(unchangedNotice(decideReceive(existing, receiveCommand(), KRIMINALVARDEN, late))).toBe(existing);
  });

  it("with another body is a conflict that points to PUT", () => {
    const error = refusal(
      decideReceive(existing, receiveCommand({ requestHash: "create-hash-2" }), KRIMINALVARDEN, NOW),
    );
    expect(error).toMatchObject({ kind: "conflict", code: "notice-conflict" });
    expect(error.detail).toMatch(/use PUT/);
  });

  it("with another body and a passed release date is refused for the date", () => {
    const command = receiveCommand({
      requestHash: "create-hash-2",
      details: { ...DETAILS, expectedReleaseDate: "2026-01-01" },
    });
    expect(refusal(decideReceive(existing, command, KRIMINALVARDEN, NOW)).kind).toBe("unprocessable");
  });

  it("is refused to a token of another municipality before anything about the notice is said", () => {
    expect(refusal(decideReceive(existing, receiveCommand(), staff("0180"), NOW)).kind).toBe("forbidden");
  });
});
