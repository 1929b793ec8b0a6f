/**
 * What staff write in a triage step (a note, the reason a step is not needed) is about the caller
 * and as sensitive as their number: stored sealed, bound to its triage, and shown only to the
 * municipality's on-call staff (issue 13).
 */
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { triageKey } from "../../../services/hotline/store/keys";
import {
  CALLER,
  field,
  type HotlineFixture,
  hotlineFixture,
  newCallId,
  scheduleBody,
} from "../../support/hotline";

const NOW = new Date("2026-03-28T12:00:00Z");
const NOTE = "Hotad av Lindgrens gäng, polisen i Kalmar kontaktad";
const REASON = "Bor tills vidare hos sin moster i Nybro";
/** Words of the texts that would give them away even if the whole text did not appear. */
const TELLING = ["Lindgren", "Nybro", "moster"];

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
});

const answeredCall = async (): Promise<string> => {
  const callId = newCallId();
  await f.h.incoming({ callid: callId, from: CALLER });
  await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
  return String((await f.call(callId))?.triageId);
};

const listed = async (triageId: string) => {
  const page = await f.h.list({ status: "open", limit: "100" });
  const items = z.array(z.looseObject({ id: z.string() })).parse(field(page.body, "items"));
  return items.find((i) => i.id === triageId);
};

describe("notes and reasons of triage steps", () => {
  it("are stored sealed, nowhere in the table in clear, and shown to the on-call staff", async () => {
    const triageId = await answeredCall();
    const noted = await f.h.step(triageId, "threat-assessment", { status: "done", note: NOTE });
    expect(noted.status).toBe(200);
    expect(field(noted.body, "steps", "threat-assessment", "note")).toBe(NOTE);
    const reasoned = await f.h.step(triageId, "protective-placement", {
      status: "not-needed",
      reason: REASON,
    });
    expect(reasoned.status).toBe(200);

    const stored = await f.triage(triageId);
    expect(field(stored, "steps", "threat-assessment", "noteSealed")).toMatch(/^v1\./);
    expect(field(stored, "steps", "protective-placement", "reasonSealed")).toMatch(/^v1\./);
    expect(field(stored, "steps", "threat-assessment", "note")).toBeUndefined();
    expect(field(stored, "steps", "protective-placement", "reason")).toBeUndefined();
    // Not in the triage, its audit rows, the outbox or anything else the table holds.
    const table = JSON.stringify(await f.items());
    for (const secret of [NOTE, REASON, ...TELLING]) expect(table).not.toContain(secret);

    const read = await f.h.get(triageId);
    expect(field(read.body, "steps", "threat-assessment")).toMatchObject({ status: "done", note: NOTE });
    expect(field(read.body, "steps", "protective-placement")).toMatchObject({
      status: "not-needed",
      reason: REASON,
    });
    expect(await listed(triageId)).toMatchObject({
      steps: { "threat-assessment": { note: NOTE }, "protective-placement": { reason: REASON } },
    });
  });

  it("do not open when copied onto another triage", async () => {
    const source = await answeredCall();
    const target = await answeredCall();
    await f.h.step(source, "decision", { status: "done", note: NOTE });
    const sealed = field(await f.triage(source), "steps", "decision", "noteSealed");
    await f.deps.doc.send(
      new UpdateCommand({
        TableName: f.deps.tableName,
        Key: triageKey(target),
        UpdateExpression: "SET steps.decision.noteSealed = :sealed",
        ExpressionAttributeValues: { ":sealed": sealed },
      }),
    );
    const read = await f.h.get(target);
    expect(read.status).toBe(500);
    expect(read.raw).not.toContain(NOTE);
  });

  it("written in clear before they were sealed are still shown, and sealed at the next change", async () => {
    const triageId = await answeredCall();
    await f.deps.doc.send(
      new UpdateCommand({
        TableName: f.deps.tableName,
        Key: triageKey(triageId),
        UpdateExpression: "SET steps.decision.#status = :done, steps.decision.note = :note",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":done": "done", ":note": NOTE },
      }),
    );
    expect(field((await f.h.get(triageId)).body, "steps", "decision", "note")).toBe(NOTE);

    expect((await f.h.acknowledge(triageId)).status).toBe(200);
    const stored = await f.triage(triageId);
    expect(JSON.stringify(stored)).not.toContain("Lindgren");
    expect(field(stored, "steps", "decision", "noteSealed")).toMatch(/^v1\./);
    expect(field((await f.h.get(triageId)).body, "steps", "decision", "note")).toBe(NOTE);
  });
});
