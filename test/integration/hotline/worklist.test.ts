/**
 * GET /v1/hotline/triages?sort=due: a status's triages still to do, the soonest due first, from an
 * index (gsi3) that a completed triage leaves; its cursor is good for that list only.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { CALLER, field, hotlineFixture, newCallId, scheduleBody } from "../../support/hotline";
import { PERSON } from "../../support/identities";

const NOW = new Date("2026-03-28T12:00:00Z");

describe("the triage worklist", () => {
  it("lists triages by due time, drops completed ones, and refuses what it cannot hold", async () => {
    const f = await hotlineFixture(NOW);
    expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
    const answered = async (at: string): Promise<string> => {
      f.clock.set(new Date(at));
      const callId = newCallId();
      await f.h.incoming({ callid: callId, from: CALLER });
      await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
      return String((await f.call(callId))?.triageId);
    };
    const first = await answered("2026-03-28T12:00:00Z");
    const second = await answered("2026-03-28T13:00:00Z");
    const third = await answered("2026-03-28T14:00:00Z");
    const ids = async (query: Record<string, string>) => {
      const answer = await f.h.list(query);
      expect(answer.status).toBe(200);
      return {
        ids: z
          .array(z.looseObject({ id: z.string() }))
          .parse(field(answer.body, "items"))
          .map((i) => i.id),
        cursor: z.object({ cursor: z.optional(z.string()) }).parse(answer.body).cursor,
      };
    };
    expect((await ids({ status: "open", sort: "due" })).ids).toEqual([first, second, third]);

    // Completed: off the worklist (and its index), still on the status list.
    await f.h.step(first, "threat-assessment", { status: "done" });
    await f.h.step(first, "protective-placement", { status: "not-needed", reason: "Bor hos anhörig" });
    await f.h.step(first, "decision", { status: "done" });
    await f.h.step(first, "financial-assistance", {
      status: "done",
      personalIdentityNumber: PERSON.thirteen,
    });
    expect((await f.h.complete(first)).status).toBe(200);
    expect((await f.triage(first))?.gsi3pk).toBeUndefined();
    expect((await ids({ status: "open", sort: "due" })).ids).toEqual([second, third]);
    expect((await ids({ status: "completed" })).ids).toEqual([first]);

    const page = await ids({ status: "open", sort: "due", limit: "1" });
    expect(page.ids).toEqual([second]);
    expect((await ids({ status: "open", sort: "due", cursor: String(page.cursor) })).ids).toEqual([third]);
    // A cursor of the oldest-call-first list is not one of the worklist's.
    const received = await ids({ status: "open", limit: "1" });
    expect((await f.h.list({ status: "open", sort: "due", cursor: String(received.cursor) })).status).toBe(
      400,
    );
    const refused = await f.h.list({ status: "completed", sort: "due" });
    expect(refused.status).toBe(400);
    expect(refused.raw).toContain("query.sort");
  });
});
