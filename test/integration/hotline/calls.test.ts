/**
 * The telephony webhooks against DynamoDB Local and fauxqs: a call rings the chain one person at a
 * time and ends answered or as a callback task, retries by the provider change nothing, and bad or
 * unauthenticated posts write nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { derivedCredentials } from "../../../services/hotline/webhook-auth";
import {
  BO,
  basicAuth,
  CALLER,
  CILLA,
  field,
  type HotlineFixture,
  hotlineFixture,
  MAJA,
  newCallId,
  scheduleBody,
  WEBHOOK,
  webhookAuth,
} from "../../support/hotline";

// Saturday 28 March 2026, 13:00 in Sweden: Bo's shift (Cilla is next, Maja manages).
const NOW = new Date("2026-03-28T12:00:00Z");

const connectSchema = z.strictObject({
  connect: z.string(),
  timeout: z.number(),
  next: z.string(),
  whenhangup: z.string(),
});
const playSchema = z.object({ play: z.string(), whenhangup: z.string() });

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
});

const incoming = (callId: string, from = CALLER) =>
  f.h.incoming({
    direction: "incoming",
    callid: callId,
    from,
    to: "+46766860000",
    created: NOW.toISOString(),
  });

/** The attempt a `next` URL we handed out names, and that it carries the municipality's credentials. */
const attemptOf = (nextUrl: string): number => {
  const url = new URL(nextUrl);
  const kalmar = derivedCredentials(WEBHOOK.username, WEBHOOK.password, "0880");
  expect(decodeURIComponent(url.username)).toBe(kalmar.username);
  expect(decodeURIComponent(url.password)).toBe(kalmar.password);
  expect(url.searchParams.get("token")).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
  return Number(url.searchParams.get("attempt"));
};

describe("an incoming call", () => {
  it("connects the on-call worker with the ring timeout and both callbacks", async () => {
    const callId = newCallId();
    const answer = await incoming(callId);
    expect(answer.status).toBe(200);
    const action = connectSchema.parse(answer.body);
    expect(action.connect).toBe(BO.phone);
    expect(action.timeout).toBe(25);
    expect(new URL(action.next).pathname).toBe("/v1/hotline/voice/0880/next");
    expect(attemptOf(action.next)).toBe(1);
    expect(new URL(action.whenhangup).pathname).toBe("/v1/hotline/voice/0880/hangup");

    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual(["hotline.call.received"]);
    const call = await f.call(callId);
    const triage = await f.triage(String(call?.triageId));
    expect(triage).toMatchObject({ status: "ringing", callId, municipality: "0880" });
    expect(triage?.deadline).toEqual({ dueAt: "2026-03-29T12:00:00.000Z", state: "open" });
  });

  it("walks the chain on failed and busy, then plays the recorded message and opens a callback task", async () => {
    const callId = newCallId();
    const first = connectSchema.parse((await incoming(callId)).body);
    const second = connectSchema.parse(
      (await f.h.next({ callid: callId, result: "failed" }, { attempt: attemptOf(first.next) })).body,
    );
    expect(second.connect).toBe(CILLA.phone);
    const third = connectSchema.parse(
      (await f.h.next({ callid: callId, result: "busy" }, { attempt: attemptOf(second.next) })).body,
    );
    expect(third.connect).toBe(MAJA.phone);
    const last = await f.h.next({ callid: callId, result: "failed" }, { attempt: attemptOf(third.next) });
    expect(last.status).toBe(200);
    expect(playSchema.parse(last.body).play).toBe("https://sounds.example.se/avhopp-0880.mp3");

    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.unanswered",
      "hotline.triage.opened",
    ]);
    const call = await f.call(callId);
    expect(events[1]?.event.data).toMatchObject({
      reason: "chain-exhausted",
      attempts: 3,
      voicemailRecorded: false,
      triageId: call?.triageId,
    });
    expect(events[2]?.event.data).toMatchObject({
      status: "callback-needed",
      dueAt: "2026-03-29T12:00:00.000Z",
    });
    expect(await f.triage(String(call?.triageId))).toMatchObject({
      status: "callback-needed",
      origin: "callback",
    });

    // The provider retries the last result: the same message, nothing new.
    const again = await f.h.next({ callid: callId, result: "failed" }, { attempt: 3 });
    expect(playSchema.parse(again.body).play).toBe("https://sounds.example.se/avhopp-0880.mp3");
    expect((await f.events.about([callId])).length).toBe(3);
  });

  it("is routed when the second in the chain answers, and the triage opens with who took it", async () => {
    const callId = newCallId();
    await incoming(callId);
    await f.h.next({ callid: callId, result: "busy" }, { attempt: 1 });
    const answered = await f.h.next({ callid: callId, result: "success" }, { attempt: 2 });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({});

    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.routed",
      "hotline.triage.opened",
    ]);
    expect(events[1]?.event.data).toMatchObject({ chainPosition: 2, chainRole: "rotation" });
    const call = await f.call(callId);
    expect(await f.triage(String(call?.triageId))).toMatchObject({
      status: "open",
      origin: "answered",
      answeredBy: "cilla",
      answeredRole: "rotation",
    });
  });

  it("does not move on twice when the provider retries a `next`", async () => {
    const callId = newCallId();
    await incoming(callId);
    const once = await f.h.next({ callid: callId, result: "failed" }, { attempt: 1 });
    const twice = await f.h.next({ callid: callId, result: "failed" }, { attempt: 1 });
    expect(connectSchema.parse(once.body).connect).toBe(CILLA.phone);
    expect(twice.body).toEqual(once.body);
    expect(await f.call(callId)).toMatchObject({ attempt: 2, state: "ringing" });
  });

  it("opens one triage when the provider retries the same callid, even all at once", async () => {
    const callId = newCallId();
    const answers = await Promise.all(Array.from({ length: 6 }, () => incoming(callId)));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(connectSchema.parse(a.body).connect).toBe(BO.phone);
    }
    const later = await incoming(callId);
    expect(connectSchema.parse(later.body).connect).toBe(BO.phone);
    const triages = (await f.items()).filter((i) => i.sk === "TRIAGE" && i.callId === callId);
    expect(triages).toHaveLength(1);
    const received = (await f.events.about([callId])).filter((e) => e.event.type === "hotline.call.received");
    expect(received).toHaveLength(1);
  });

  it("keeps concurrent calls apart: each gets its own triage and rings the on-call worker", async () => {
    const ids = Array.from({ length: 12 }, () => newCallId());
    const answers = await Promise.all(ids.map((id) => incoming(id)));
    expect(answers.map((a) => connectSchema.parse(a.body).connect)).toEqual(ids.map(() => BO.phone));
    const triageIds = new Set(
      (await f.items()).filter((i) => i.sk === "TRIAGE" && ids.includes(String(i.callId))).map((i) => i.id),
    );
    expect(triageIds.size).toBe(12);
  });

  it("becomes a callback task when the caller hangs up before anyone answered", async () => {
    const callId = newCallId();
    await incoming(callId);
    expect((await f.h.hangup({ callid: callId })).status).toBe(200);
    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.unanswered",
      "hotline.triage.opened",
    ]);
    expect(events[1]?.event.data).toMatchObject({ reason: "caller-hung-up", attempts: 1 });
    // A late `next` for the ring in progress changes nothing.
    await f.h.next({ callid: callId, result: "failed" }, { attempt: 1 });
    expect((await f.events.about([callId])).length).toBe(3);
  });

  it("plays the message at once, as a callback task, in a municipality with no schedule", async () => {
    const callId = newCallId();
    const answer = await f.h.incoming({ callid: callId, from: CALLER }, { municipality: "0180" });
    expect(answer.status).toBe(200);
    // Nothing recorded: the provider's tone, never silence.
    expect(playSchema.parse(answer.body).play).toBe("sound/beep");
    const events = await f.events.about([callId]);
    expect(events.map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.unanswered",
      "hotline.triage.opened",
    ]);
    expect(events[1]?.event.data).toMatchObject({ reason: "nobody-on-call", attempts: 0 });
    expect(events.every((e) => e.event.municipality === "0180")).toBe(true);
  });

  it("connects a caller with a hidden number like any other", async () => {
    const callId = newCallId();
    const answer = await f.h.incoming({ callid: callId, from: "anonymous" });
    expect(connectSchema.parse(answer.body).connect).toBe(BO.phone);
  });
});

describe("a webhook that is not the provider's", () => {
  const wrong = [
    ["no credentials", null],
    ["a wrong password", basicAuth(WEBHOOK.username, `${WEBHOOK.password}x`)],
    ["a wrong user", basicAuth("someone", WEBHOOK.password)],
    ["the secret itself", basicAuth(WEBHOOK.username, WEBHOOK.password)],
    ["another municipality's credential", webhookAuth("0180")],
    ["a bearer token", "Bearer abc"],
  ] as const;

  it.each(wrong)("gets 401 with %s, and nothing is written", async (_name, authorization) => {
    const before = (await f.items()).length;
    const callId = newCallId();
    const answer = await f.h.incoming({ callid: callId, from: CALLER }, { authorization });
    expect(answer.status).toBe(401);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.headers["www-authenticate"]).toMatch(/^Basic/);
    expect(answer.raw).not.toMatch(/password|user/i);
    expect((await f.items()).length).toBe(before);
  });

  it("gets 401, not 400, even with a body that is not valid", async () => {
    const answer = await f.h.incoming({ nonsense: "x" }, { authorization: null });
    expect(answer.status).toBe(401);
  });

  it("gets 400 naming the field when the provider's post lacks the call id, and nothing is written", async () => {
    const before = (await f.items()).length;
    const answer = await f.h.incoming({ from: CALLER, to: "+46766860000" });
    expect(answer.status).toBe(400);
    expect(field(answer.body, "errors")).toEqual([{ path: "callid", message: "is required" }]);
    expect(answer.raw).not.toContain(CALLER);
    expect((await f.items()).length).toBe(before);
    const badResult = await f.h.next({ callid: newCallId(), result: "maybe" });
    expect(badResult.status).toBe(400);
    expect(field(badResult.body, "errors", "0", "path")).toBe("result");
  });

  it("gets 404 for a municipality code that does not exist, on incoming and next", async () => {
    expect((await f.h.next({ callid: newCallId(), result: "failed" }, { municipality: "9999" })).status).toBe(
      404,
    );
    const before = (await f.items()).length;
    expect((await f.h.incoming({ callid: newCallId(), from: CALLER }, { municipality: "9999" })).status).toBe(
      404,
    );
    expect((await f.items()).length).toBe(before);
  });
});
