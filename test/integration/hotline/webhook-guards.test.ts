/**
 * Who may post the telephony webhooks: the provider's addresses only, each municipality with its
 * own credential derived from the one secret, the current and the next credential during a
 * changeover (a container picks a rotated secret up at once); and what a refusal logs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createDeps } from "../../../services/hotline/deps";
import { createHandler as createIncoming } from "../../../services/hotline/handlers/incoming";
import { staticSmsConfig } from "../../../services/hotline/sms-config";
import { refreshingValue } from "../../../services/hotline/store/refreshing";
import {
  derivedCredentials,
  staticWebhookCredentials,
  type WebhookCredentials,
} from "../../../services/hotline/webhook-auth";
import { ELKS46_SOURCES } from "../../../services/hotline/webhook-sources";
import {
  BO,
  CALLER,
  captureOutput,
  HOTLINE_NUMBER,
  type HotlineFixture,
  hotlineFixture,
  hotlineHandlers,
  logLines,
  newCallId,
  personalStrings,
  scheduleBody,
  WEBHOOK,
  webhookAuth,
  webhookEvent,
} from "../../support/hotline";
import { lambdaContext } from "../../support/lambda";

const NOW = new Date("2026-03-28T12:00:00Z");
const NEXT_PASSWORD = "the-next-webhook-password-4567";
const connectSchema = z.object({ connect: z.string(), next: z.string(), whenhangup: z.string() });

let f: HotlineFixture;
beforeAll(async () => {
  f = await hotlineFixture(NOW);
  expect((await f.h.putSchedule(scheduleBody())).status).toBe(201);
});

const call = (options: Parameters<HotlineFixture["h"]["incoming"]>[1] = {}) =>
  f.h.incoming({ callid: newCallId(), from: CALLER }, options);

/** The fixture's table and clock with other webhook credentials. */
const handlersWith = (webhookCredentials: HotlineFixture["deps"]["webhookCredentials"]) =>
  hotlineHandlers(
    createDeps(f.runtime, {
      webhookCredentials,
      sms: staticSmsConfig(undefined),
      defaultMessageUrl: undefined,
    }),
  );

describe("the provider's source addresses", () => {
  it("refuse a post from anywhere else with 403 before the credentials are looked at, and write nothing", async () => {
    const before = (await f.items()).length;
    const output = captureOutput();
    const refused = await call({ sourceIp: "203.0.113.9" });
    const text = output.stop();
    expect(refused.status).toBe(403);
    expect(refused.headers["content-type"]).toBe("application/problem+json");
    expect(refused.raw).not.toContain(BO.phone);
    expect((await f.items()).length).toBe(before);
    const [line] = logLines(text, "not from the provider's addresses");
    expect(line).toMatchObject({ level: "WARN" });
    // The address is the caller's side of a connection: not in the log either.
    expect(text).not.toContain("203.0.113.9");
    // The same post from 46elks's servers goes through.
    for (const sourceIp of ELKS46_SOURCES) {
      expect(connectSchema.parse((await call({ sourceIp })).body).connect).toBe(BO.phone);
    }
  });
});

describe("each municipality's credential", () => {
  it("opens calls in its own municipality only", async () => {
    const before = (await f.items()).length;
    const elsewhere = await call({ authorization: webhookAuth("0180") });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers["www-authenticate"]).toMatch(/^Basic/);
    expect((await f.items()).length).toBe(before);
    expect((await call({ authorization: webhookAuth("0880") })).status).toBe(200);
  });

  it("is accepted under the current and the next password during a changeover; the URLs carry the current", async () => {
    const changing = handlersWith(staticWebhookCredentials({ ...WEBHOOK, nextPassword: NEXT_PASSWORD }));
    const current = await changing.incoming({ callid: newCallId(), from: CALLER });
    const next = await changing.incoming(
      { callid: newCallId(), from: CALLER },
      { authorization: webhookAuth("0880", NEXT_PASSWORD) },
    );
    expect(current.status).toBe(200);
    expect(next.status).toBe(200);
    const handedOut = new URL(connectSchema.parse(next.body).next);
    expect(decodeURIComponent(handedOut.password)).toBe(
      derivedCredentials(WEBHOOK.username, WEBHOOK.password, "0880").password,
    );
    // Before the changeover the next password is nobody's.
    expect((await call({ authorization: webhookAuth("0880", NEXT_PASSWORD) })).status).toBe(401);
  });

  it("is looked up again when a post carries one the container does not know: a rotation reaches it at once", async () => {
    let stored: WebhookCredentials = { ...WEBHOOK };
    let fetches = 0;
    const secret = refreshingValue(
      async () => {
        fetches += 1;
        return stored;
      },
      // A long lifetime: only the reload can have picked the new password up.
      { ttlMs: 3_600_000, retryMs: 0 },
    );
    const rotating = handlersWith(secret);
    expect((await rotating.incoming({ callid: newCallId(), from: CALLER })).status).toBe(200);
    stored = { ...WEBHOOK, nextPassword: NEXT_PASSWORD };
    const rotated = await rotating.incoming(
      { callid: newCallId(), from: CALLER },
      { authorization: webhookAuth("0880", NEXT_PASSWORD) },
    );
    expect(rotated.status).toBe(200);
    expect(fetches).toBe(2);
  });
});

describe("a refusal's log line", () => {
  it("carries the request id of its own invocation, not the one before it", async () => {
    const incoming = createIncoming(f.deps);
    const event = (authorization: string) =>
      webhookEvent(
        "/v1/hotline/voice/0880/incoming",
        "/v1/hotline/voice/{municipality}/incoming",
        { municipality: "0880" },
        { callid: newCallId(), from: CALLER, to: HOTLINE_NUMBER },
        { authorization },
      );
    const first = lambdaContext("hotline-incoming");
    const second = lambdaContext("hotline-incoming");
    const output = captureOutput();
    expect((await incoming(event(webhookAuth("0880")), first)).statusCode).toBe(200);
    expect((await incoming(event(webhookAuth("0180")), second)).statusCode).toBe(401);
    const text = output.stop();
    const [line] = logLines(text, "telephony webhook refused");
    expect(line).toMatchObject({ level: "WARN", function_request_id: second.awsRequestId });
    for (const secret of [...personalStrings(), WEBHOOK.password]) expect(text).not.toContain(secret);
  });
});
