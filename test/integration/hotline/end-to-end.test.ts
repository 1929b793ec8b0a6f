/**
 * The README's walk-through through the local runtime: real HTTP, real JWT verification, form-encoded
 * webhooks with basic credentials from the environment, the real handlers on DynamoDB Local and
 * fauxqs. A schedule, a call nobody answers, a call that is answered and triaged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { hotlineService } from "../../../services/hotline/service";
import { derivedCredentials } from "../../../services/hotline/webhook-auth";
import { provisionForTest } from "../../support/aws";
import { CALLER, newCallId, scheduleBody } from "../../support/hotline";
import { PERSON } from "../../support/identities";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const USER = "elks-e2e";
const PASSWORD = "e2e-webhook-password-0123";
/** Kalmar's credential, derived from the secret, as the operator configures it at the provider. */
const KALMAR = derivedCredentials(USER, PASSWORD, "0880");
const json = { "content-type": "application/json" };

let runtime: TestRuntime;
let adminToken: string;
let staffToken: string;
const saved = { user: process.env.HOTLINE_WEBHOOK_USER, password: process.env.HOTLINE_WEBHOOK_PASSWORD };
beforeAll(async () => {
  // What the local runtime will set by default; this worker's environment only.
  process.env.HOTLINE_WEBHOOK_USER = USER;
  process.env.HOTLINE_WEBHOOK_PASSWORD = PASSWORD;
  runtime = await startRuntimeForTest({
    services: [hotlineService],
    resources: await provisionForTest(["hotline"]),
  });
  adminToken = await runtime.token({ scope: "hotline:admin", municipality: "0880", sub: "admin-kalmar" });
  staffToken = await runtime.token({ scope: "hotline:handle", municipality: "0880", sub: "jour-kalmar" });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now: "2026-03-28T13:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(async () => {
  await runtime?.stop();
  process.env.HOTLINE_WEBHOOK_USER = saved.user;
  process.env.HOTLINE_WEBHOOK_PASSWORD = saved.password;
  if (saved.user === undefined) delete process.env.HOTLINE_WEBHOOK_USER;
  if (saved.password === undefined) delete process.env.HOTLINE_WEBHOOK_PASSWORD;
});

/** What the provider does: a form post to a URL we handed out, credentials taken from the URL. */
const webhook = async (url: string, form: Record<string, string>) => {
  const parsed = new URL(url, runtime.url);
  const user = decodeURIComponent(parsed.username) || KALMAR.username;
  const password = decodeURIComponent(parsed.password) || KALMAR.password;
  const target = `${parsed.pathname}${parsed.search}`;
  return runtime.request(target, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    },
    body: new URLSearchParams(form).toString(),
  });
};

const connectSchema = z.object({
  connect: z.string(),
  timeout: z.number(),
  next: z.string(),
  whenhangup: z.string(),
});

describe("the hotline walk-through", () => {
  it("a schedule, a call nobody answers, a call answered and triaged", async () => {
    const put = await runtime.request("/v1/hotline/schedules/0880", {
      method: "PUT",
      headers: json,
      token: adminToken,
      body: JSON.stringify(scheduleBody()),
    });
    expect(put.status).toBe(201);
    const read = await runtime.request("/v1/hotline/schedules/0880", { token: staffToken });
    expect(await read.json()).toMatchObject({ manager: { id: "maja" }, updatedBy: "admin-kalmar" });
    const onCall = await runtime.request("/v1/hotline/on-call?municipality=0880", { token: staffToken });
    expect(await onCall.json()).toMatchObject({ memberId: "bo" });

    // Nobody answers: the chain walks to the recorded message.
    const unanswered = newCallId();
    let answer = await webhook("/v1/hotline/voice/0880/incoming", {
      direction: "incoming",
      callid: unanswered,
      from: CALLER,
      to: "+46766860000",
    });
    expect(answer.status).toBe(200);
    let action = connectSchema.parse(await answer.json());
    for (let ring = 0; ring < 2; ring++) {
      answer = await webhook(action.next, { callid: unanswered, result: "failed" });
      action = connectSchema.parse(await answer.json());
    }
    answer = await webhook(action.next, { callid: unanswered, result: "failed" });
    expect(await answer.json()).toMatchObject({ play: "https://sounds.example.se/avhopp-0880.mp3" });
    const callbacks = await runtime.request("/v1/hotline/triages?status=callback-needed", {
      token: staffToken,
    });
    expect(
      z.object({ items: z.array(z.object({ callId: z.string() })) }).parse(await callbacks.json()).items,
    ).toContainEqual(expect.objectContaining({ callId: unanswered }));

    // Answered by the on-call worker, then triaged.
    const answered = newCallId();
    answer = await webhook("/v1/hotline/voice/0880/incoming", {
      callid: answered,
      from: CALLER,
      to: "+46766860000",
    });
    action = connectSchema.parse(await answer.json());
    expect((await webhook(action.next, { callid: answered, result: "success" })).status).toBe(200);
    const open = z
      .object({ items: z.array(z.object({ id: z.string(), callId: z.string() })) })
      .parse(await (await runtime.request("/v1/hotline/triages?status=open", { token: staffToken })).json());
    const triageId = open.items.find((t) => t.callId === answered)?.id;
    expect(triageId).toBeDefined();
    const base = `/v1/hotline/triages/${triageId}`;
    const shown = await runtime.request(base, { token: staffToken });
    expect(await shown.json()).toMatchObject({ caller: { phone: CALLER }, status: "open", answeredBy: "bo" });
    expect((await runtime.request(`${base}/acknowledge`, { method: "POST", token: staffToken })).status).toBe(
      200,
    );
    const steps: [string, Record<string, string>][] = [
      ["threat-assessment", { status: "done", note: "Hotbedömning med Polisen" }],
      ["protective-placement", { status: "done" }],
      ["decision", { status: "done" }],
      ["financial-assistance", { status: "done", personalIdentityNumber: PERSON.thirteen }],
    ];
    for (const [step, body] of steps) {
      const put = await runtime.request(`${base}/steps/${step}`, {
        method: "PUT",
        headers: json,
        token: staffToken,
        body: JSON.stringify(body),
      });
      expect(put.status).toBe(200);
    }
    const completed = await runtime.request(`${base}/complete`, { method: "POST", token: staffToken });
    expect(completed.status).toBe(200);
    expect(await completed.json()).toMatchObject({ status: "completed", deadline: { state: "met" } });
  });

  it("refuses the webhook without its credentials, and staff routes without a token", async () => {
    const refused = await runtime.request("/v1/hotline/voice/0880/incoming", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callid: newCallId(), from: CALLER }).toString(),
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain(CALLER);
    expect((await runtime.request("/v1/hotline/triages?status=open")).status).toBe(401);
  });
});
