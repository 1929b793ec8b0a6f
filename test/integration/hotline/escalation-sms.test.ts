/**
 * An escalation reaches a person: the sweep texts the manager through a stand-in for 46elks's SMS
 * API (a real HTTP server on 127.0.0.1), at least once, never twice once it succeeded, and with
 * nothing about the caller in the message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticSmsConfig } from "../../../services/hotline/sms-config";
import { elks46 } from "../../../services/hotline/telephony/46elks";
import {
  ANNA,
  BO,
  CALLER,
  CILLA,
  captureOutput,
  fakeSmsApi,
  field,
  type HotlineFixture,
  hotlineFixture,
  logLines,
  MAJA,
  newCallId,
  personalStrings,
  scheduleBody,
} from "../../support/hotline";

// Saturday 28 March 2026, 13:00 in Sweden; Bo is on call, Maja manages.
const NOW = new Date("2026-03-28T12:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const SMS_ACCOUNT = { username: "u-elks-api", password: "elks-api-secret", from: "Avhopp" } as const;

let api: Awaited<ReturnType<typeof fakeSmsApi>>;
beforeAll(async () => {
  api = await fakeSmsApi();
});
afterAll(async () => {
  await api.close();
});

const configured = async (): Promise<HotlineFixture> => {
  const f = await hotlineFixture(NOW, {
    sms: staticSmsConfig({ apiBaseUrl: api.url, ...SMS_ACCOUNT }),
  });
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
  return f;
};

const answeredCall = async (f: HotlineFixture) => {
  const callId = newCallId();
  await f.h.incoming({ callid: callId, from: CALLER });
  await f.h.next({ callid: callId, result: "success" }, { attempt: 1 });
  return String((await f.call(callId))?.triageId);
};

/** The requests the fake API got since `from`. */
const since = (from: number) => api.requests.slice(from);

describe("the escalation SMS", () => {
  it("texts the manager once, through 46elks's API, with no caller data", async () => {
    const f = await configured();
    const triageId = await answeredCall(f);
    const before = api.requests.length;
    f.clock.set(later(31));
    const result = await f.sweep();
    expect(result).toMatchObject({ escalated: 1, notified: 1, notifyFailed: 0 });

    const [request, ...more] = since(before);
    expect(more).toHaveLength(0);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/a1/sms");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SMS_ACCOUNT.username}:${SMS_ACCOUNT.password}`).toString("base64")}`,
    );
    const form = new URLSearchParams(request?.body);
    expect([...form.keys()].sort()).toEqual(["from", "message", "to"]);
    expect(form.get("from")).toBe("Avhopp");
    expect(form.get("to")).toBe(MAJA.phone);
    expect(form.get("message")).toBe(
      `Avhoppartelefonen: ett besvarat samtal i Kalmar är inte kvitterat sedan 13:00. Öppna triage ${triageId}.`,
    );
    for (const secret of [CALLER, CALLER.slice(1), ANNA.name, BO.name, BO.phone, CILLA.name, MAJA.name]) {
      expect(form.get("message"), `the SMS contains "${secret}"`).not.toContain(secret);
    }

    expect(field(await f.triage(triageId), "escalated")).toMatchObject({
      at: later(31).toISOString(),
      to: "maja",
      notification: "sent",
      notifiedAt: later(31).toISOString(),
      attempts: 1,
    });
    // Off the due index for the escalation: later sweeps send nothing more.
    f.clock.set(later(32));
    await f.sweep();
    f.clock.set(later(60));
    await f.sweep();
    expect(since(before)).toHaveLength(1);
    const view = await f.h.get(triageId);
    expect(field(view.body, "escalated")).toEqual({
      at: later(31).toISOString(),
      to: "maja",
      notifiedAt: later(31).toISOString(),
    });
  });

  it("retries a failed send on the next sweep, and stops once it went through", async () => {
    const f = await configured();
    const callId = newCallId();
    await f.h.incoming({ callid: callId, from: CALLER });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await f.h.next({ callid: callId, result: "failed" }, { attempt });
    }
    const triageId = String((await f.call(callId))?.triageId);
    const before = api.requests.length;
    api.answer(500);
    f.clock.set(later(16));
    const output = captureOutput();
    const first = await f.sweep();
    const text = output.stop();
    expect(first).toMatchObject({ escalated: 1, notified: 0, notifyFailed: 1 });
    expect(logLines(text, "escalation SMS not sent")).toHaveLength(1);
    for (const secret of personalStrings()) expect(text).not.toContain(secret);
    const pending = await f.triage(triageId);
    expect(field(pending, "escalated")).toMatchObject({ notification: "pending", attempts: 1 });
    expect(field(pending, "escalated", "sendingSince")).toBeUndefined();
    // Still on the due index, so the next sweep finds it.
    expect(field(pending, "gsi1pk")).toBe("DUE");

    f.clock.set(later(17));
    expect(await f.sweep()).toMatchObject({ escalated: 0, notified: 1, notifyFailed: 0 });
    f.clock.set(later(18));
    expect(await f.sweep()).toMatchObject({ notified: 0, notifyFailed: 0 });

    const requests = since(before);
    expect(requests).toHaveLength(2);
    expect(new URLSearchParams(requests[1]?.body).get("message")).toBe(
      `Avhoppartelefonen: ett obesvarat samtal i Kalmar väntar på återkoppling sedan 13:00. Öppna triage ${triageId}.`,
    );
    expect(field(await f.triage(triageId), "escalated")).toMatchObject({
      notification: "sent",
      notifiedAt: later(17).toISOString(),
      attempts: 2,
    });
  });

  it("does not text about a triage someone took before the retry", async () => {
    const f = await configured();
    const triageId = await answeredCall(f);
    const before = api.requests.length;
    api.answer(503);
    f.clock.set(later(31));
    expect(await f.sweep()).toMatchObject({ notifyFailed: 1 });
    expect((await f.h.acknowledge(triageId)).status).toBe(200);
    f.clock.set(later(32));
    expect(await f.sweep()).toMatchObject({ notified: 0, notifyFailed: 0 });
    expect(since(before)).toHaveLength(1);
  });
});

describe("the 46elks adapter's send", () => {
  it("gives up on an API that never answers once its timeout passes, naming no number", async () => {
    api.answer(0);
    const started = Date.now();
    const sent = elks46.sendSms(
      { apiBaseUrl: api.url, ...SMS_ACCOUNT },
      { to: MAJA.phone, message: "test" },
      300,
    );
    const error = await sent.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(MAJA.phone);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("with SMS not configured", () => {
  it("records the escalation, sends nothing, and logs one error naming no one", async () => {
    const f = await hotlineFixture(NOW);
    expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
    const triageId = await answeredCall(f);
    const before = api.requests.length;
    const output = captureOutput();
    f.clock.set(later(31));
    const first = await f.sweep();
    f.clock.set(later(32));
    await f.sweep();
    f.clock.set(later(90));
    await f.sweep();
    const text = output.stop();
    expect(first).toMatchObject({ escalated: 1, notified: 0 });
    expect(since(before)).toHaveLength(0);
    expect(field(await f.triage(triageId), "escalated")).toMatchObject({
      to: "maja",
      notification: "not-configured",
    });
    const errors = logLines(text, "SMS is not configured");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: "ERROR", triageId, municipality: "0880" });
    for (const secret of personalStrings()) expect(text).not.toContain(secret);
  });
});
