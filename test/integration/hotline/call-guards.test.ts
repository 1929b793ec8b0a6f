/**
 * What a holder of a municipality's webhook credential can reach, and what a caller waits for: a
 * call to another number rings nobody; `next` and `hangup` act only on a call we hold, or with
 * the call token we handed out for it; and no answer waits for an SQS send.
 */

import { SQSClient } from "@aws-sdk/client-sqs";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createDeps } from "../../../services/hotline/deps";
import { staticSmsConfig } from "../../../services/hotline/sms-config";
import { scheduleKey } from "../../../services/hotline/store/keys";
import { staticWebhookCredentials } from "../../../services/hotline/webhook-auth";
import { CLIENT_OPTIONS } from "../../../shared/runtime/client-options";
import {
  ANNA,
  BO,
  CALLER,
  CILLA,
  captureOutput,
  type HotlineFixture,
  hotlineFixture,
  hotlineHandlers,
  logLines,
  MAJA,
  newCallId,
  scheduleBody,
  silentServer,
  WEBHOOK,
} from "../../support/hotline";

const NOW = new Date("2026-03-28T12:00:00Z");
const PHONES = [ANNA.phone, BO.phone, CILLA.phone, MAJA.phone];
const connectSchema = z.object({ connect: z.string(), next: z.string(), whenhangup: z.string() });
const playSchema = z.object({ play: z.string(), whenhangup: z.string() });

let f: HotlineFixture;
let silent: Awaited<ReturnType<typeof silentServer>>;
beforeAll(async () => {
  f = await hotlineFixture(NOW, { defaultMessageUrl: "https://sounds.example.se/standard.mp3" });
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
  silent = await silentServer();
});
afterAll(async () => {
  await silent.close();
});

const triagesOf = async (callId: string) =>
  (await f.items()).filter((i) => i.sk === "TRIAGE" && i.callId === callId);

describe("the called number", () => {
  it.each([
    ["another number", { to: "+46766869999" }],
    ["no number", { to: "" }],
  ])("rings nobody and opens nothing when the provider reports %s", async (_name, to) => {
    const callId = newCallId();
    const output = captureOutput();
    const answer = await f.h.incoming({ callid: callId, from: CALLER, ...to });
    const text = output.stop();
    expect(answer.status).toBe(200);
    // Never silence: the service's message, and no staff phone.
    expect(playSchema.parse(answer.body).play).toBe("https://sounds.example.se/standard.mp3");
    for (const phone of PHONES) expect(answer.raw).not.toContain(phone);
    expect(await f.call(callId)).toBeUndefined();
    expect(await triagesOf(callId)).toEqual([]);
    expect(await f.events.about([callId])).toEqual([]);
    expect(logLines(text, "called number is not the municipality's hotline")).toEqual([
      expect.objectContaining({ level: "ERROR", callId, municipality: "0880" }),
    ]);
  });

  it("is not checked on a schedule saved before the number was asked for: the call rings, the log says so", async () => {
    const { hotlineNumber: _number, ...legacy } = scheduleBody();
    await f.deps.doc.send(
      new PutCommand({
        TableName: f.deps.tableName,
        Item: {
          ...scheduleKey("0881"),
          ...legacy,
          municipality: "0881",
          updatedAt: NOW.toISOString(),
          updatedBy: "admin",
          version: 0,
        },
      }),
    );
    const output = captureOutput();
    const answer = await f.h.incoming(
      { callid: newCallId(), from: CALLER, to: "+4612345678" },
      { municipality: "0881" },
    );
    const text = output.stop();
    expect(connectSchema.parse(answer.body).connect).toBe(BO.phone);
    expect(logLines(text, "hotline number not set")).toHaveLength(1);
  });
});

describe("next and hangup", () => {
  it("are 404 for a call we hold no record of, without our call token: the chain cannot be walked", async () => {
    const before = (await f.items()).length;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const walked = await f.h.next({ callid: newCallId(), result: "failed" }, { attempt });
      expect(walked.status).toBe(404);
      for (const phone of PHONES) expect(walked.raw).not.toContain(phone);
    }
    expect((await f.h.hangup({ callid: newCallId() })).status).toBe(404);
    expect((await f.items()).length).toBe(before);
  });

  it("take no token of another call, another ring or another hook for a call we hold no record of", async () => {
    const callId = newCallId();
    const first = connectSchema.parse((await f.h.incoming({ callid: callId, from: CALLER })).body);
    const token = (url: string) => String(new URL(url).searchParams.get("token"));
    const stranger = newCallId();
    const otherCall = await f.h.next(
      { callid: stranger, result: "failed" },
      { attempt: 1, token: token(first.next) },
    );
    expect(otherCall.status).toBe(404);
    // Nor a token for ring 1 another ring, nor the hangup.
    const laterRing = await f.h.next(
      { callid: stranger, result: "failed" },
      { attempt: 3, token: token(first.next) },
    );
    expect(laterRing.status).toBe(404);
    const asHangup = await f.h.hangup({ callid: stranger }, { token: token(first.next) });
    expect(asHangup.status).toBe(404);
    for (const answer of [otherCall, laterRing, asHangup]) {
      for (const phone of PHONES) expect(answer.raw).not.toContain(phone);
    }
  });

  it("act on a call we hold without a token, in its own municipality only", async () => {
    const callId = newCallId();
    await f.h.incoming({ callid: callId, from: CALLER });
    expect(
      (await f.h.next({ callid: callId, result: "failed" }, { attempt: 1, municipality: "0180" })).status,
    ).toBe(404);
    expect((await f.h.hangup({ callid: callId }, { municipality: "0180" })).status).toBe(404);
    expect(await f.call(callId)).toMatchObject({ attempt: 1, state: "ringing" });
    expect(
      connectSchema.parse((await f.h.next({ callid: callId, result: "failed" }, { attempt: 1 })).body)
        .connect,
    ).toBe(CILLA.phone);
  });
});

describe("a webhook's events", () => {
  it("are left in the outbox for the sweep: the answer waits for no SQS send", async () => {
    // SQS that accepts connections and never answers: every send would wait out its timeouts.
    const stuckSqs = new SQSClient({
      ...CLIENT_OPTIONS,
      region: "eu-north-1",
      endpoint: silent.url,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const stuck = hotlineHandlers(
      createDeps(
        { ...f.runtime, sqs: stuckSqs },
        { webhookCredentials: staticWebhookCredentials(WEBHOOK), sms: staticSmsConfig(undefined) },
      ),
    );
    const callId = newCallId();
    const started = Date.now();
    const first = await stuck.incoming({ callid: callId, from: CALLER });
    const second = await stuck.follow(connectSchema.parse(first.body).next, {
      callid: callId,
      result: "success",
    });
    const ms = Date.now() - started;
    expect(connectSchema.parse(first.body).connect).toBe(BO.phone);
    expect(second.body).toEqual({});
    // Far below one SQS request timeout (2 s), let alone three attempts of it.
    expect(ms).toBeLessThan(1_500);
    const outbox = (await f.items()).filter(
      (i) => String(i.pk).startsWith("OUTBOX#") && String(i.body).includes(callId),
    );
    expect(outbox.map((i) => i.eventType).sort()).toEqual([
      "hotline.call.received",
      "hotline.call.routed",
      "hotline.triage.opened",
    ]);
    // The sweep, with an SQS that answers, delivers them.
    expect((await f.events.about([callId])).map((e) => e.event.type)).toEqual([
      "hotline.call.received",
      "hotline.call.routed",
      "hotline.triage.opened",
    ]);
    stuckSqs.destroy();
  });
});
