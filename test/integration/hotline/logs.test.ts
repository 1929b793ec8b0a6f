/**
 * No caller number, staff phone, name or identity number in any log line: everything the handlers
 * write to stdout and stderr is captured across webhooks good and bad, triage work and the sweep.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  basicAuth,
  CALLER,
  type HotlineFixture,
  hotlineFixture,
  newCallId,
  personalStrings,
  scheduleBody,
} from "../../support/hotline";
import { PERSON } from "../../support/identities";
import { captureOutput } from "../../support/output";

const NOW = new Date("2026-03-28T12:00:00Z");

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
});

let output = { text: () => "" };
const capture = () => {
  output = captureOutput();
};
afterEach(() => {
  vi.restoreAllMocks();
  f.clock.set(NOW);
});

describe("what the hotline logs", () => {
  it("holds no phone number, name or identity number, whatever happens to a call", async () => {
    capture();
    expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
    expect(
      (await f.h.putSchedule(scheduleBody({ manager: { id: "maja", name: "Maja Holm", phone: "070" } })))
        .status,
    ).toBe(400);
    const answered = newCallId();
    await f.h.incoming({ callid: answered, from: CALLER });
    await f.h.incoming({ callid: answered, from: CALLER });
    await f.h.next({ callid: answered, result: "busy" }, { attempt: 1 });
    await f.h.next({ callid: answered, result: "success" }, { attempt: 2 });
    const unanswered = newCallId();
    await f.h.incoming({ callid: unanswered, from: CALLER });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await f.h.next({ callid: unanswered, result: "failed" }, { attempt });
    }
    await f.h.hangup({ callid: unanswered });
    await f.h.incoming({ callid: newCallId(), from: CALLER }, { authorization: basicAuth("x", CALLER) });
    await f.h.incoming({ from: CALLER });
    const triageId = String((await f.call(answered))?.triageId);
    await f.h.get(triageId);
    await f.h.step(triageId, "financial-assistance", {
      status: "done",
      personalIdentityNumber: "19900101-0018",
    });
    await f.h.step(triageId, "financial-assistance", {
      status: "done",
      personalIdentityNumber: PERSON.thirteen,
    });
    f.clock.set(new Date("2026-03-30T12:00:00Z"));
    await f.sweep();
    vi.restoreAllMocks();
    const text = output.text();
    expect(text).toContain("call received");
    for (const secret of [...personalStrings(), ...PERSON.forms, "19900101-0018", "Maja Holm"]) {
      expect(text, `a log line contains "${secret}"`).not.toContain(secret);
    }
  });
});
