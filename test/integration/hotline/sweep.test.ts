/**
 * The triage clock on DynamoDB Local and fauxqs: the sweep escalates what nobody acknowledged,
 * breaches what passes 24 hours (once), and turns a call whose webhooks never came back into a
 * callback task. Time moves with the fixture's clock.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CALLER,
  field,
  type HotlineFixture,
  hotlineFixture,
  newCallId,
  scheduleBody,
} from "../../support/hotline";

const NOW = new Date("2026-03-28T12:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
});
beforeEach(() => {
  f.clock.set(NOW);
});

const answeredCall = async () => {
  const callId = newCallId();
  await f.h.incoming({ callid: callId, from: CALLER });
  await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
  return { callId, triageId: String((await f.call(callId))?.triageId) };
};

const doneAll = async (triageId: string) => {
  for (const step of ["threat-assessment", "protective-placement", "decision", "financial-assistance"]) {
    expect((await f.h.step(triageId, step, { status: "not-needed", reason: "Inte aktuellt" })).status).toBe(
      200,
    );
  }
};

describe("the triage sweep", () => {
  it("escalates an answered triage nobody acknowledged within 30 minutes to the manager, once", async () => {
    const { triageId } = await answeredCall();
    const acked = await answeredCall();
    expect((await f.h.acknowledge(acked.triageId)).status).toBe(200);
    f.clock.set(later(29));
    await f.sweep();
    expect(field(await f.triage(triageId), "escalated")).toBeUndefined();
    f.clock.set(later(31));
    await f.sweep();
    // No SMS account in this fixture: recorded as such (escalation-sms.test.ts sends them).
    expect(field(await f.triage(triageId), "escalated")).toEqual({
      at: later(31).toISOString(),
      to: "maja",
      notification: "not-configured",
    });
    expect(field(await f.triage(acked.triageId), "escalated")).toBeUndefined();
    f.clock.set(later(45));
    await f.sweep();
    expect(field(await f.triage(triageId), "escalated", "at")).toBe(later(31).toISOString());
  });

  it("breaches a triage not completed within 24 hours, with one deadline.breached", async () => {
    const { triageId } = await answeredCall();
    f.clock.set(later(24 * 60 - 1));
    await f.sweep();
    expect((await f.events.about([triageId])).map((e) => e.event.type)).not.toContain("deadline.breached");
    f.clock.set(later(24 * 60));
    await f.sweep();
    await f.sweep();
    const breaches = (await f.events.about([triageId])).filter((e) => e.event.type === "deadline.breached");
    expect(breaches).toHaveLength(1);
    expect(breaches[0]?.event.data).toMatchObject({
      service: "hotline",
      subject: { type: "triage", id: triageId },
      deadline: "triage-24h",
      dueAt: "2026-03-29T12:00:00.000Z",
    });
    // Completed late: not within the deadline, and no second breach.
    await doneAll(triageId);
    f.clock.set(later(26 * 60));
    const completed = await f.h.complete(triageId);
    expect(field(completed.body, "deadline", "state")).toBe("breached");
    const events = await f.events.about([triageId]);
    expect(events.filter((e) => e.event.type === "deadline.breached")).toHaveLength(1);
    expect(events.find((e) => e.event.type === "hotline.triage.completed")?.event.data).toMatchObject({
      withinDeadline: false,
      hoursToComplete: 26,
    });
  });

  it("records the breach itself when a triage is completed late before the sweep ran", async () => {
    const { triageId } = await answeredCall();
    await doneAll(triageId);
    f.clock.set(later(25 * 60));
    expect((await f.h.complete(triageId)).status).toBe(200);
    f.clock.set(later(25 * 60 + 5));
    await f.sweep();
    const types = (await f.events.about([triageId])).map((e) => e.event.type);
    expect(types.filter((t) => t === "deadline.breached")).toHaveLength(1);
  });

  it("turns a call whose provider never reported back into a callback task", async () => {
    const callId = newCallId();
    await f.h.incoming({ callid: callId, from: CALLER });
    f.clock.set(later(11));
    await f.sweep();
    const triageId = String((await f.call(callId))?.triageId);
    expect(await f.triage(triageId)).toMatchObject({ status: "callback-needed", origin: "callback" });
    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.unanswered",
      "hotline.triage.opened",
    ]);
    // The callback task is escalated sooner: 15 minutes after it opened.
    f.clock.set(later(11 + 16));
    await f.sweep();
    expect(field(await f.triage(triageId), "escalated", "to")).toBe("maja");
  });
});
