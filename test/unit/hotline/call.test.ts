import { describe, expect, it } from "vitest";
import {
  abandon,
  type Call,
  type CallChange,
  hangUp,
  newCall,
  receivedEvents,
  ringEnded,
  ringFromSchedule,
  stepOf,
  triageOfCall,
} from "../../../services/hotline/domain/call";
import type { Schedule } from "../../../services/hotline/domain/rotation";

// Saturday 28 March 2026, 13:00 in Sweden: Bo's daily shift, Cilla next, Maja manages.
const NOW = new Date("2026-03-28T12:00:00Z");
const LATER = new Date("2026-03-28T12:01:00Z");
const SCHEDULE: Schedule = {
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: {
    startDate: "2026-03-27",
    shiftDays: 1,
    members: [
      { id: "anna", name: "Anna", phone: "+46701000001" },
      { id: "bo", name: "Bo", phone: "+46701000002" },
      { id: "cilla", name: "Cilla", phone: "+46701000003" },
    ],
  },
  overrides: [],
  manager: { id: "maja", name: "Maja", phone: "+46701000009" },
  ringSeconds: 25,
  fallbackMessage: "https://sounds.example.se/avhopp.mp3",
};

const callWith = (schedule: Schedule | undefined): Call =>
  newCall({ callId: "c1", municipality: "0880", triageId: "T1", schedule, now: NOW });
const call = (): Call => callWith(SCHEDULE);

const changeOf = (outcome: ReturnType<typeof ringEnded>): CallChange => {
  if (outcome.kind !== "change") throw new Error(`expected a change, got ${outcome.kind}`);
  return outcome.change;
};

const types = (change: CallChange | undefined) => change?.events.map((e) => e.contract.type);

describe("a new call", () => {
  it("rings the chain fixed at the call: on call, next in the rotation, manager", () => {
    const c = call();
    expect(c).toMatchObject({ state: "ringing", attempt: 1, ringSeconds: 25, version: 0 });
    expect(c.chain.map((l) => [l.memberId, l.role])).toEqual([
      ["bo", "on-call"],
      ["cilla", "rotation"],
      ["maja", "manager"],
    ]);
    expect(stepOf(c)).toEqual({ kind: "connect", to: "+46701000002", ringSeconds: 25, position: 1 });
    expect(types({ kind: "onward", before: c, call: c, events: receivedEvents(c) })).toEqual([
      "hotline.call.received",
    ]);
  });

  it("opens its triage ringing, due 24 hours after the call, with every step pending", () => {
    const triage = triageOfCall(call(), { managerId: "maja", callerSealed: "v1.k.iv.body" });
    expect(triage).toMatchObject({
      id: "T1",
      callId: "c1",
      status: "ringing",
      managerId: "maja",
      callerSealed: "v1.k.iv.body",
      deadline: { dueAt: "2026-03-29T12:00:00.000Z", state: "open" },
    });
    expect(triage.origin).toBeUndefined();
    expect(Object.values(triage.steps).map((s) => s.status)).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
  });

  it("with no schedule at all, goes to the message at once and becomes a callback task", () => {
    const c = callWith(undefined);
    expect(c).toMatchObject({ state: "unanswered", attempt: 0, chain: [] });
    expect(stepOf(c)).toEqual({ kind: "message", message: undefined });
    expect(triageOfCall(c)).toMatchObject({
      status: "callback-needed",
      origin: "callback",
      openedAt: NOW.toISOString(),
    });
    const events = receivedEvents(c);
    expect(events.map((e) => e.contract.type)).toEqual([
      "hotline.call.received",
      "hotline.call.unanswered",
      "hotline.triage.opened",
    ]);
    expect(events[1]?.data).toMatchObject({ reason: "nobody-on-call", attempts: 0, triageId: "T1" });
  });
});

describe("the end of a ring", () => {
  it("answered: the call is routed and its triage opens with who took it", () => {
    const change = changeOf(ringEnded(call(), true, 1, LATER));
    expect(change.kind).toBe("answered");
    expect(change.call).toMatchObject({ state: "answered", answeredAt: LATER.toISOString(), version: 1 });
    expect(change.opening?.opening).toEqual({
      status: "open",
      openedAt: LATER.toISOString(),
      origin: "answered",
      answeredBy: "bo",
      answeredRole: "on-call",
    });
    // Placed on the due index by its 30-minute acknowledgement, so the triage as opened says so.
    expect(change.opening?.triage).toMatchObject({ status: "open", openedAt: LATER.toISOString() });
    expect(types(change)).toEqual(["hotline.call.routed", "hotline.triage.opened"]);
    expect(change.events[0]?.data).toMatchObject({ chainPosition: 1, chainRole: "on-call" });
    expect(stepOf(change.call)).toEqual({ kind: "end" });
  });

  it("not answered: the next in the chain, and nothing for the triage yet", () => {
    const change = changeOf(ringEnded(call(), false, 1, LATER));
    expect(change).toMatchObject({ kind: "onward", call: { attempt: 2, version: 1 }, events: [] });
    expect(change.opening).toBeUndefined();
    expect(stepOf(change.call)).toMatchObject({ kind: "connect", to: "+46701000003", position: 2 });
  });

  it("the chain exhausted: the message, and a callback task", () => {
    const last: Call = { ...call(), attempt: 3 };
    const change = changeOf(ringEnded(last, false, 3, LATER));
    expect(change.kind).toBe("unanswered");
    expect(change.call.state).toBe("unanswered");
    expect(change.opening?.opening).toEqual({
      status: "callback-needed",
      openedAt: LATER.toISOString(),
      origin: "callback",
    });
    expect(change.events[0]?.data).toMatchObject({ reason: "chain-exhausted", attempts: 3 });
    expect(stepOf(change.call)).toEqual({ kind: "message", message: SCHEDULE.fallbackMessage });
  });

  it("retried, or about a ring long replaced, changes nothing", () => {
    const second: Call = { ...call(), attempt: 2, version: 1 };
    expect(ringEnded(second, false, 1, LATER)).toEqual({ kind: "as-is", call: second });
    const answered: Call = { ...second, state: "answered" };
    expect(ringEnded(answered, false, 2, LATER)).toEqual({ kind: "as-is", call: answered });
  });

  it("catches up with a later ring the record missed, but not past the chain", () => {
    const change = changeOf(ringEnded(call(), false, 2, LATER));
    expect(change.before.attempt).toBe(2);
    expect(change.before.version).toBe(0);
    expect(change.call.attempt).toBe(3);
    expect(ringEnded(call(), false, 4, LATER).kind).toBe("as-is");
  });

  it("without an attempt in the URL, acts on the ring in progress", () => {
    expect(changeOf(ringEnded(call(), true, undefined, LATER)).kind).toBe("answered");
  });
});

describe("a hangup", () => {
  it("before an answer: a callback task, counting the rings made", () => {
    const change = hangUp({ ...call(), attempt: 2 }, LATER);
    expect(change?.kind).toBe("unanswered");
    expect(change?.call).toMatchObject({ state: "unanswered", endedAt: LATER.toISOString() });
    expect(change?.events[0]?.data).toMatchObject({ reason: "caller-hung-up", attempts: 2 });
  });

  it("after an answer: only the end is recorded; a second hangup changes nothing", () => {
    const answered: Call = { ...call(), state: "answered" };
    const change = hangUp(answered, LATER);
    expect(change).toMatchObject({
      kind: "ended",
      call: { state: "answered", endedAt: LATER.toISOString() },
    });
    expect(change?.opening).toBeUndefined();
    expect(change?.events).toEqual([]);
    expect(hangUp({ ...answered, endedAt: LATER.toISOString() }, LATER)).toBeUndefined();
  });
});

describe("a call whose provider never reported back", () => {
  it("is abandoned as a callback task while it rings, and left alone once it does not", () => {
    const change = abandon(call(), LATER);
    expect(change?.call).toMatchObject({ state: "unanswered", version: 1 });
    expect(change?.call.endedAt).toBeUndefined();
    expect(types(change)).toEqual(["hotline.call.unanswered", "hotline.triage.opened"]);
    expect(abandon({ ...call(), state: "answered" }, LATER)).toBeUndefined();
  });
});

describe("a ring for a call we hold no record of", () => {
  it("rings the next in the chain built from the schedule, then the message", () => {
    expect(ringFromSchedule(SCHEDULE, 1, NOW)).toMatchObject({
      kind: "connect",
      to: "+46701000003",
      position: 2,
    });
    expect(ringFromSchedule(SCHEDULE, undefined, NOW)).toMatchObject({ position: 2 });
    expect(ringFromSchedule(SCHEDULE, 3, NOW)).toEqual({
      kind: "message",
      message: SCHEDULE.fallbackMessage,
    });
    expect(ringFromSchedule(undefined, 1, NOW)).toEqual({ kind: "message", message: undefined });
  });
});
