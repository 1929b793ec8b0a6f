/**
 * Never silence when storage fails, with real failures rather than mocks: a table that does not
 * exist (ResourceNotFoundException), a DynamoDB endpoint on a closed port, and DynamoDB Local
 * behind a proxy that throttles every write while reads go through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createDeps } from "../../../services/hotline/deps";
import { staticSmsConfig } from "../../../services/hotline/sms-config";
import { staticWebhookCredentials } from "../../../services/hotline/webhook-auth";
import { localEndpointsFromInject } from "../../support/aws";
import {
  BO,
  CALLER,
  CILLA,
  captureOutput,
  closedPort,
  type HotlineFixture,
  hotlineFixture,
  hotlineHandlers,
  logLines,
  MAJA,
  newCallId,
  oneShotDynamo,
  personalStrings,
  scheduleBody,
  throttlingDynamoProxy,
  WEBHOOK,
} from "../../support/hotline";

const NOW = new Date("2026-03-28T12:00:00Z");
const DEFAULT_MESSAGE = "https://sounds.example.se/standard.mp3";
const SCHEDULE_MESSAGE = String(scheduleBody().fallbackMessage);

const connectSchema = z.strictObject({
  connect: z.string(),
  timeout: z.number(),
  next: z.string(),
  whenhangup: z.string(),
});
const playSchema = z.object({ play: z.string(), skippable: z.boolean(), whenhangup: z.string() });
const attemptOf = (url: string) => Number(new URL(url).searchParams.get("attempt"));

let f: HotlineFixture;
let proxy: Awaited<ReturnType<typeof throttlingDynamoProxy>>;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
  proxy = await throttlingDynamoProxy(localEndpointsFromInject().dynamodbEndpoint);
});
afterAll(async () => {
  await proxy.close();
});

/** The service's handlers on the fixture's table and clock, but another way to DynamoDB (or another table). */
const handlersOn = (
  runtime: Partial<Pick<HotlineFixture["runtime"], "dynamodb" | "tableName">>,
  defaultMessageUrl?: string,
) =>
  hotlineHandlers(
    createDeps(
      { ...f.runtime, ...runtime },
      {
        webhookCredentials: staticWebhookCredentials(WEBHOOK),
        sms: staticSmsConfig(undefined),
        defaultMessageUrl,
      },
    ),
  );

describe("when the schedule cannot be read", () => {
  it("plays the default message to a new call on a table that does not exist, else the provider's tone", async () => {
    const missing = handlersOn({ tableName: `${f.deps.tableName}-missing` }, DEFAULT_MESSAGE);
    const output = captureOutput();
    const answer = await missing.incoming({ callid: newCallId(), from: CALLER });
    const text = output.stop();
    expect(answer.status).toBe(200);
    expect(playSchema.parse(answer.body)).toMatchObject({ play: DEFAULT_MESSAGE, skippable: false });
    expect(new URL(playSchema.parse(answer.body).whenhangup).pathname).toBe("/v1/hotline/voice/0880/hangup");
    const [line] = logLines(text, "schedule unavailable");
    expect(line).toMatchObject({ level: "ERROR", municipality: "0880" });
    expect(JSON.stringify(line)).toContain("ResourceNotFoundException");
    for (const secret of personalStrings()) expect(text).not.toContain(secret);

    const noDefault = handlersOn({ tableName: `${f.deps.tableName}-missing` });
    const toned = await noDefault.incoming({ callid: newCallId(), from: CALLER });
    expect(toned.status).toBe(200);
    expect(playSchema.parse(toned.body).play).toBe("sound/beep");
  });

  it("plays the default message when DynamoDB is unreachable, for incoming and next alike (no token: no phone)", async () => {
    const down = handlersOn({ dynamodb: oneShotDynamo(await closedPort()) }, DEFAULT_MESSAGE);
    const callId = newCallId();
    const output = captureOutput();
    const first = await down.incoming({ callid: callId, from: CALLER });
    const next = await down.next({ callid: callId, result: "failed" }, { attempt: 1 });
    const hangup = await down.hangup({ callid: callId });
    const text = output.stop();
    expect(first.status).toBe(200);
    expect(playSchema.parse(first.body).play).toBe(DEFAULT_MESSAGE);
    expect(next.status).toBe(200);
    expect(playSchema.parse(next.body).play).toBe(DEFAULT_MESSAGE);
    expect(hangup.status).toBe(200);
    for (const secret of personalStrings()) expect(text).not.toContain(secret);
  });
});

describe("when the schedule is read but the call cannot be written (throttled)", () => {
  it("still connects the first in the chain, and walks the chain on from the schedule to the message", async () => {
    const throttled = handlersOn({ dynamodb: oneShotDynamo(proxy.endpoint) }, DEFAULT_MESSAGE);
    const callId = newCallId();
    const before = (await f.items()).length;
    const output = captureOutput();
    const answer = await throttled.incoming({ callid: callId, from: CALLER });
    const text = output.stop();
    expect(answer.status).toBe(200);
    const first = connectSchema.parse(answer.body);
    expect(first).toMatchObject({ connect: BO.phone, timeout: 25 });
    expect(attemptOf(first.next)).toBe(1);
    expect(new URL(first.whenhangup).pathname).toBe("/v1/hotline/voice/0880/hangup");
    const [line] = logLines(text, "call not recorded");
    expect(line).toMatchObject({ level: "ERROR", callId, municipality: "0880", chainLength: 3 });
    expect(JSON.stringify(line)).toContain("ThrottlingException");
    for (const secret of personalStrings()) expect(text).not.toContain(secret);
    expect((await f.items()).length).toBe(before);

    // The provider's `next` finds no record, here and on the healthy deps alike: the call token in
    // the URL we handed out is what lets it ring on.
    const second = connectSchema.parse(
      (await throttled.follow(first.next, { callid: callId, result: "failed" })).body,
    );
    expect(second.connect).toBe(CILLA.phone);
    expect(attemptOf(second.next)).toBe(2);
    const third = connectSchema.parse(
      (await f.h.follow(second.next, { callid: callId, result: "busy" })).body,
    );
    expect(third.connect).toBe(MAJA.phone);
    // Without the token, the same post is a guess at a call we do not hold: no phone for it.
    const guessed = await f.h.next({ callid: callId, result: "busy" }, { attempt: attemptOf(second.next) });
    expect(guessed.status).toBe(404);
    expect(guessed.raw).not.toContain(MAJA.phone);
    const last = await f.h.follow(third.next, { callid: callId, result: "failed" });
    expect(last.status).toBe(200);
    expect(playSchema.parse(last.body).play).toBe(SCHEDULE_MESSAGE);
    // Answered by someone in a chain we hold no record of: nothing more to do, and the hangup too.
    expect((await f.h.follow(third.next, { callid: callId, result: "success" })).body).toEqual({});
    expect((await f.h.follow(first.whenhangup, { callid: callId })).body).toEqual({});
    expect((await f.items()).length).toBe(before);
  });

  it("rings on when a step of a recorded call cannot be written, and the record catches up later", async () => {
    const throttled = handlersOn({ dynamodb: oneShotDynamo(proxy.endpoint) });
    const callId = newCallId();
    const first = connectSchema.parse((await f.h.incoming({ callid: callId, from: CALLER })).body);
    const output = captureOutput();
    const second = await throttled.next(
      { callid: callId, result: "failed" },
      { attempt: attemptOf(first.next) },
    );
    const text = output.stop();
    expect(second.status).toBe(200);
    const ring2 = connectSchema.parse(second.body);
    expect(ring2.connect).toBe(CILLA.phone);
    expect(logLines(text, "call step not recorded")).toHaveLength(1);
    expect(await f.call(callId)).toMatchObject({ attempt: 1, state: "ringing" });

    // Storage is back: Cilla's outcome moves the call on to the manager, not back to Cilla.
    const third = connectSchema.parse(
      (await f.h.next({ callid: callId, result: "failed" }, { attempt: attemptOf(ring2.next) })).body,
    );
    expect(third.connect).toBe(MAJA.phone);
    expect(await f.call(callId)).toMatchObject({ attempt: 3, state: "ringing" });
  });
});
