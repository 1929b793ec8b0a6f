import { describe, expect, it } from "vitest";
import { newCall, triageOfCall } from "../../../services/hotline/domain/call";
import {
  claimNotification,
  escalateOrBreach,
  giveUpNotification,
  markNotified,
  notificationDue,
  releaseClaim,
} from "../../../services/hotline/domain/escalation";
import { dueStages } from "../../../services/hotline/domain/triage-clock";
import { changed, type Triage } from "../../../services/hotline/domain/triage-state";

const RECEIVED = new Date("2026-03-28T22:00:00Z");
const OPENED = "2026-03-28T22:05:00.000Z";
const at = (iso: string) => new Date(iso);

const open = (): Triage =>
  changed(
    triageOfCall(
      newCall({ callId: "c1", municipality: "0880", triageId: "T1", schedule: undefined, now: RECEIVED }),
      {
        managerId: "maja",
      },
    ),
    { status: "open", origin: "answered", openedAt: OPENED },
  );

const escalated = (): Triage => {
  const now = at("2026-03-28T22:35:00Z");
  const change = escalateOrBreach(open(), dueStages(open(), now), now, "pending");
  if (!change) throw new Error("expected an escalation");
  return change.triage;
};

describe("the sweep's change to a triage", () => {
  it("escalates an answered triage unacknowledged for 30 minutes to its manager, SMS pending", () => {
    const now = at("2026-03-28T22:35:00Z");
    expect(
      escalateOrBreach(open(), dueStages(open(), at("2026-03-28T22:34:59Z")), now, "pending"),
    ).toBeUndefined();
    const change = escalateOrBreach(open(), dueStages(open(), now), now, "pending");
    expect(change).toMatchObject({ escalated: true, breached: false, events: [] });
    expect(change?.triage.escalated).toEqual({ at: now.toISOString(), to: "maja", notification: "pending" });
    expect(change?.triage.version).toBe(open().version + 1);
  });

  it("records at once that nobody can be texted when SMS is not configured", () => {
    const now = at("2026-03-28T22:35:00Z");
    const change = escalateOrBreach(open(), ["escalate"], now, "not-configured");
    expect(change?.triage.escalated?.notification).toBe("not-configured");
    expect(notificationDue(change?.triage ?? open(), now)).toBe(false);
  });

  it("names a stand-in manager when the call came in without a schedule's", () => {
    const orphan = changed(open(), { managerId: undefined });
    expect(escalateOrBreach(orphan, ["escalate"], RECEIVED, "pending")?.triage.escalated?.to).toBe("manager");
  });

  it("breaches the 24 hours with one deadline.breached, escalating too if that is due", () => {
    const now = at("2026-03-29T22:00:00Z");
    const change = escalateOrBreach(open(), dueStages(open(), now), now, "pending");
    expect(change).toMatchObject({ escalated: true, breached: true });
    expect(change?.triage.deadline.state).toBe("breached");
    expect(change?.events.map((e) => e.contract.type)).toEqual(["deadline.breached"]);
    expect(change?.events[0]?.data).toMatchObject({
      subject: { type: "triage", id: "T1" },
      deadline: "triage-24h",
      dueAt: "2026-03-29T22:00:00.000Z",
      breachedAt: now.toISOString(),
    });
    // Once breached, the sweep has nothing more to do about the deadline.
    expect(dueStages(change?.triage ?? open(), at("2026-03-30T22:00:00Z"))).not.toContain("breach");
  });
});

describe("telling the manager", () => {
  const sweepAt = at("2026-03-28T22:36:00Z");

  it("is due while pending and nobody took the triage", () => {
    expect(notificationDue(escalated(), sweepAt)).toBe(true);
    expect(notificationDue(changed(escalated(), { acknowledged: { at: OPENED, by: "bo" } }), sweepAt)).toBe(
      false,
    );
    expect(notificationDue(changed(escalated(), { status: "completed" }), sweepAt)).toBe(false);
    expect(notificationDue(open(), sweepAt)).toBe(false);
  });

  it("is claimed by one sweep, to the manager on duty now; another waits out the claim", () => {
    const claimed = claimNotification(escalated(), "ola", sweepAt);
    expect(claimed.escalated).toMatchObject({ to: "ola", sendingSince: sweepAt.toISOString(), attempts: 1 });
    expect(notificationDue(claimed, at("2026-03-28T22:37:59Z"))).toBe(false);
    expect(notificationDue(claimed, at("2026-03-28T22:38:00Z"))).toBe(true);
    expect(claimNotification(claimed, "ola", at("2026-03-28T22:38:00Z")).escalated?.attempts).toBe(2);
  });

  it("after a failed send, is handed back at once", () => {
    const released = releaseClaim(claimNotification(escalated(), "maja", sweepAt));
    expect(released.escalated?.sendingSince).toBeUndefined();
    expect(released.escalated?.attempts).toBe(1);
    expect(notificationDue(released, sweepAt)).toBe(true);
  });

  it("once sent, is recorded even on a triage that moved meanwhile, and never due again", () => {
    const claimed = claimNotification(escalated(), "maja", sweepAt);
    const moved = changed(claimed, { acknowledged: { at: sweepAt.toISOString(), by: "bo" } });
    const sent = markNotified(moved, claimed, sweepAt);
    expect(sent?.escalated).toMatchObject({ notification: "sent", notifiedAt: sweepAt.toISOString() });
    expect(sent?.escalated?.sendingSince).toBeUndefined();
    expect(sent?.acknowledged?.by).toBe("bo");
    expect(notificationDue(sent ?? claimed, at("2026-03-29T00:00:00Z"))).toBe(false);
    expect(markNotified(sent ?? claimed, claimed, sweepAt)).toBeUndefined();
  });

  it("that cannot happen is recorded once, so it is not tried again", () => {
    const given = giveUpNotification(escalated(), "no-recipient");
    expect(given?.escalated?.notification).toBe("no-recipient");
    expect(notificationDue(given ?? escalated(), sweepAt)).toBe(false);
    expect(giveUpNotification(open(), "no-recipient")).toBeUndefined();
  });
});
