/**
 * Triage through the handlers on DynamoDB Local and fauxqs: staff see their municipality's
 * triages, read the caller's number (audited), record each step, and complete; completion carries
 * the sealed identity to intake.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { unseal } from "../../../shared/identity";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../../shared/runtime/keys";
import {
  CALLER,
  field,
  type HotlineFixture,
  hotlineFixture,
  newCallId,
  onCallStaff,
  personalStrings,
  scheduleBody,
} from "../../support/hotline";
import { OTHER_PERSON, PERSON } from "../../support/identities";

const NOW = new Date("2026-03-28T12:00:00Z");

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
});

/** A call answered by the first in the chain; its triage id. */
const answeredCall = async (): Promise<{ callId: string; triageId: string }> => {
  const callId = newCallId();
  await f.h.incoming({ callid: callId, from: CALLER });
  await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
  const call = await f.call(callId);
  return { callId, triageId: String(call?.triageId) };
};

const doneAll = async (triageId: string, identity = PERSON.thirteen) => {
  await f.h.step(triageId, "threat-assessment", { status: "done", note: "Polisen kontaktad" });
  await f.h.step(triageId, "protective-placement", { status: "not-needed", reason: "Bor hos anhörig" });
  await f.h.step(triageId, "decision", { status: "done" });
  return f.h.step(triageId, "financial-assistance", { status: "done", personalIdentityNumber: identity });
};

describe("reading triages", () => {
  it("lists the municipality's open triages with their clock, and nothing of the caller", async () => {
    const { triageId } = await answeredCall();
    const page = await f.h.list({ status: "open" });
    expect(page.status).toBe(200);
    const items = z.array(z.looseObject({ id: z.string() })).parse(field(page.body, "items"));
    const mine = items.find((i) => i.id === triageId);
    expect(mine).toMatchObject({
      status: "open",
      answeredBy: "bo",
      answeredRole: "on-call",
      deadline: { dueAt: "2026-03-29T12:00:00.000Z", state: "open", minutesLeft: 1440 },
    });
    expect(page.raw).not.toContain(CALLER);
    expect((await f.audit(triageId)).map((a) => a.action)).toContain("list");
    // Another municipality's staff see none of them.
    const other = await f.h.list({ status: "open" }, onCallStaff("0180"));
    expect(field(other.body, "items")).toEqual([]);
  });

  it("shows the caller's number to the municipality's on-call staff, and audits who looked", async () => {
    const { triageId } = await answeredCall();
    const answer = await f.h.get(triageId, onCallStaff("0880", "jour-anna"));
    expect(answer.status).toBe(200);
    expect(field(answer.body, "caller", "phone")).toBe(CALLER);
    const audit = await f.audit(triageId);
    expect(audit).toContainEqual(
      expect.objectContaining({ action: "read", actor: "jour-anna", at: NOW.toISOString() }),
    );
    expect((await f.h.get(triageId, onCallStaff("0180"))).status).toBe(404);
  });

  it("keeps the caller's number sealed at rest and out of every key and event", async () => {
    const { callId, triageId } = await answeredCall();
    const items = await f.items();
    const text = JSON.stringify(items);
    for (const secret of [CALLER, CALLER.slice(1)]) expect(text).not.toContain(secret);
    const stored = await f.triage(triageId);
    expect(String(stored?.callerSealed)).toMatch(/^v1\./);
    const events = await f.events.about([callId, triageId]);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) for (const secret of personalStrings()) expect(e.raw).not.toContain(secret);
  });

  it("pages with a cursor, and refuses a cursor it did not issue", async () => {
    await answeredCall();
    await answeredCall();
    const first = await f.h.list({ status: "open", limit: "1" });
    const cursor = field(first.body, "cursor");
    expect(typeof cursor).toBe("string");
    const second = await f.h.list({ status: "open", limit: "1", cursor: String(cursor) });
    expect(field(second.body, "items", "0", "id")).not.toBe(field(first.body, "items", "0", "id"));
    const forged = Buffer.from(
      JSON.stringify({ gsi2pk: "TRIAGES#0180#open", gsi2sk: "x", pk: "TRIAGE#x", sk: "TRIAGE" }),
    ).toString("base64url");
    const refused = await f.h.list({ status: "open", cursor: forged });
    expect(refused.status).toBe(400);
    expect(field(refused.body, "errors", "0", "path")).toBe("query.cursor");
    expect((await f.h.list({})).status).toBe(400);
  });
});

describe("steps and completion", () => {
  it("needs a reason for a step not needed, and the identity number for financial assistance", async () => {
    const { triageId } = await answeredCall();
    const noReason = await f.h.step(triageId, "protective-placement", { status: "not-needed" });
    expect(noReason.status).toBe(400);
    expect(field(noReason.body, "errors")).toEqual([
      { path: "reason", message: "is required when the step is not needed" },
    ]);
    const noIdentity = await f.h.step(triageId, "financial-assistance", { status: "done" });
    expect(noIdentity.status).toBe(400);
    expect(field(noIdentity.body, "errors", "0", "path")).toBe("personalIdentityNumber");
    const badIdentity = await f.h.step(triageId, "financial-assistance", {
      status: "done",
      personalIdentityNumber: "19900101-0018",
    });
    expect(badIdentity.status).toBe(400);
    expect(badIdentity.raw).not.toContain("19900101-0018");
    expect((await f.h.step(triageId, "lunch", { status: "done" })).status).toBe(400);
    expect(field(await f.triage(triageId), "steps", "protective-placement", "status")).toBe("pending");
  });

  it("refuses to complete while a step is pending, naming the pending steps", async () => {
    const { triageId } = await answeredCall();
    await f.h.step(triageId, "threat-assessment", { status: "done" });
    const refused = await f.h.complete(triageId);
    expect(refused.status).toBe(409);
    expect(field(refused.body, "errors")).toEqual([
      { path: "steps.protective-placement", message: "is pending" },
      { path: "steps.decision", message: "is pending" },
      { path: "steps.financial-assistance", message: "is pending" },
    ]);
  });

  it("completes within 24 hours and sends intake the identity sealed", async () => {
    const { callId, triageId } = await answeredCall();
    expect((await f.h.acknowledge(triageId)).status).toBe(200);
    const last = await doneAll(triageId);
    expect(last.status).toBe(200);
    expect(field(last.body, "person", "personalIdentityNumber")).toBe(PERSON.canonical);
    f.clock.set(new Date("2026-03-28T18:30:00Z"));
    try {
      const completed = await f.h.complete(triageId);
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({
        status: "completed",
        completedAt: "2026-03-28T18:30:00.000Z",
        deadline: { state: "met" },
      });
      // Completing again is the same as once.
      expect((await f.h.complete(triageId)).status).toBe(200);
    } finally {
      f.clock.set(NOW);
    }
    const toIntake = await f.events.about([triageId], "intake");
    expect(toIntake.map((e) => e.event.type)).toEqual(["hotline.triage.completed"]);
    const data = toIntake[0]?.event.data;
    expect(data).toMatchObject({
      callId,
      origin: "answered",
      withinDeadline: true,
      hoursToComplete: 6.5,
      steps: {
        "threat-assessment": "done",
        "protective-placement": "not-needed",
        decision: "done",
        "financial-assistance": "done",
      },
    });
    const sealed = z.object({ subject: z.object({ subjectSealed: z.string() }) }).parse(data)
      .subject.subjectSealed;
    expect(unseal(sealed, parseKeySecret(DEVELOPMENT_KEYS_JSON).sealingKeys)).toBe(PERSON.canonical);
    for (const form of PERSON.forms) expect(toIntake[0]?.raw).not.toContain(form);
    // A completed triage takes no more steps.
    expect((await f.h.step(triageId, "decision", { status: "done" })).status).toBe(409);
  });

  it("links two triages about the same person, and not those about another", async () => {
    const a = await answeredCall();
    const b = await answeredCall();
    const c = await answeredCall();
    await doneAll(a.triageId);
    await doneAll(b.triageId, PERSON.ten);
    await doneAll(c.triageId, OTHER_PERSON.thirteen);
    const ref = async (id: string) => field(await f.triage(id), "subjectRef");
    expect(await ref(a.triageId)).toBe(await ref(b.triageId));
    expect(await ref(a.triageId)).not.toBe(await ref(c.triageId));
  });
});
