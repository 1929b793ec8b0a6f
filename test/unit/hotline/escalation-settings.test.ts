import { describe, expect, it } from "vitest";
import { newCall, triageOfCall } from "../../../services/hotline/domain/call";
import {
  acknowledgeMinutesOf,
  type ClockState,
  nextDue,
  triageDueAt,
} from "../../../services/hotline/domain/triage-clock";

const received = "2026-03-28T22:00:00.000Z";
const opened = "2026-03-28T22:05:00.000Z";
const base: ClockState = {
  status: "open",
  receivedAt: received,
  openedAt: opened,
  deadline: { dueAt: triageDueAt(new Date(received)).toISOString(), state: "open" },
};

describe("a municipality's own escalation times", () => {
  const own = acknowledgeMinutesOf({ acknowledgeMinutes: 10, escalateMinutes: 5 });

  it("escalate an answered call's triage after acknowledgeMinutes and an unanswered caller's after escalateMinutes", () => {
    expect(nextDue({ ...base, acknowledgeMinutes: own })?.toISOString()).toBe("2026-03-28T22:15:00.000Z");
    expect(nextDue({ ...base, status: "callback-needed", acknowledgeMinutes: own })?.toISOString()).toBe(
      "2026-03-28T22:10:00.000Z",
    );
    // A triage kept from before the settings existed: the defaults (30 and 15).
    expect(nextDue(base)?.toISOString()).toBe("2026-03-28T22:35:00.000Z");
  });

  it("are fixed on the call when it comes in, and its triage keeps them", () => {
    const call = newCall({
      callId: "c1",
      municipality: "0880",
      triageId: "T1",
      schedule: undefined,
      now: new Date(received),
      acknowledgeMinutes: own,
    });
    const triage = triageOfCall(call);
    expect(triage.acknowledgeMinutes).toEqual({ open: 10, "callback-needed": 5 });
    // Nobody to ring: a callback task at once, escalated after the municipality's five minutes.
    expect(nextDue(triage)?.toISOString()).toBe("2026-03-28T22:05:00.000Z");
  });
});
