/**
 * Kriminalvården is told instead of asking: it registers a receiver, and each status change of a
 * notice it posted is delivered there, signed (Standard Webhooks), through the service's own
 * queue, retried when the receiver fails. Through the local runtime: real HTTP, JWTs, fauxqs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type ReceivedDelivery,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../../infra/local/webhook-receiver";
import { provisionForTest } from "../../support/aws";
import { CONTACT, newNoticeId } from "../../support/release-notices";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const deliverySchema = z.strictObject({
  noticeId: z.string(),
  status: z.string(),
  planDueDate: z.iso.date(),
  at: z.iso.datetime({ offset: true }),
});

let runtime: TestRuntime;
let receiver: WebhookReceiver;
let kv: string;
let staff: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({ resources: await provisionForTest(["release-notices"]) });
  receiver = await startWebhookReceiver();
  kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
  staff = await runtime.token({
    scope: "release-notices:read release-notices:manage",
    municipality: "0880",
    sub: "handlaggare-1",
  });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.stop();
});

const subscribe = (body: unknown, token = kv) =>
  runtime.request("/v1/release-notices/subscription", {
    method: "PUT",
    headers: json,
    body: JSON.stringify(body),
    token,
  });

const postNotice = async (noticeId = newNoticeId()) => {
  const response = await runtime.request("/v1/release-notices", {
    method: "POST",
    headers: json,
    token: kv,
    body: JSON.stringify({
      noticeId,
      municipality: "0880",
      person: { personalIdentityNumber: "19900101-0017" },
      institution: "Anstalten Kumla",
      expectedReleaseDate: "2027-04-15",
      releaseType: "conditional",
      needs: ["housing"],
      contact: { ...CONTACT },
    }),
  });
  expect(response.status).toBe(201);
  return noticeId;
};

const deliveriesOf = (noticeId: string): ReceivedDelivery[] =>
  receiver.deliveries.filter((d) => deliverySchema.parse(JSON.parse(d.body)).noticeId === noticeId);

describe("registering a receiver", () => {
  it("refuses a URL that is not https (or loopback http locally) and a secret not in whsec_ form", async () => {
    const badUrl = await subscribe({ url: "http://receiver.example.se/hook", secret: receiver.secret });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(await badUrl.json())).toContain("url");
    const badSecret = await subscribe({ url: receiver.url, secret: "whsec_c2hvcnQ=" });
    expect(badSecret.status).toBe(400);
    const problem = z.object({ errors: z.array(z.unknown()) }).parse(await badSecret.json());
    expect(problem.errors).toEqual([{ path: "secret", message: expect.stringContaining("24 to 64 bytes") }]);
    expect(JSON.stringify(problem)).not.toContain("c2hvcnQ");
  });

  it("is shown without its secret, one per client, and can be removed", async () => {
    const other = await runtime.token({ scope: "release-notices:write national", sub: "another-client" });
    expect((await runtime.request("/v1/release-notices/subscription", { token: other })).status).toBe(404);
    const put = await subscribe({ url: receiver.url, secret: receiver.secret }, other);
    expect(put.status).toBe(200);
    const shown = await (await runtime.request("/v1/release-notices/subscription", { token: other })).json();
    expect(shown).toEqual({ url: receiver.url, updatedAt: expect.any(String) });
    const removed = await runtime.request("/v1/release-notices/subscription", {
      method: "DELETE",
      token: other,
    });
    expect(removed.status).toBe(204);
    expect((await runtime.request("/v1/release-notices/subscription", { token: other })).status).toBe(404);
    expect((await runtime.request("/v1/release-notices/subscription", { token: staff })).status).toBe(403);
  });
});

describe("status deliveries", () => {
  it("tells the receiver of received, planning and plan-ready, signed, without personal data", async () => {
    expect((await subscribe({ url: receiver.url, secret: receiver.secret })).status).toBe(200);
    const noticeId = await postNotice();
    await runtime.tick();
    const plan = (milestone: string) =>
      runtime.request(`/v1/release-notices/${noticeId}/plan`, {
        method: "POST",
        headers: json,
        token: staff,
        body: JSON.stringify({ milestone }),
      });
    expect((await plan("contact-made")).status).toBe(200);
    expect((await plan("plan-ready")).status).toBe(200);
    await runtime.tick();

    const received = deliveriesOf(noticeId);
    // Each change once; SQS does not keep their order, so a receiver orders them by `at`.
    expect(received.map((d) => JSON.parse(d.body).status).sort()).toEqual([
      "plan-ready",
      "planning",
      "received",
    ]);
    for (const delivery of received) {
      expect(delivery.verified).toBe(true);
      expect(delivery.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(deliverySchema.parse(JSON.parse(delivery.body))).toMatchObject({ planDueDate: "2027-04-15" });
      for (const personal of ["19900101", CONTACT.name, CONTACT.phone, "Kumla"]) {
        expect(delivery.body).not.toContain(personal);
      }
    }
    expect(new Set(received.map((d) => d.id)).size).toBe(3);
  });

  it("tries a failed delivery again under the same webhook-id", async () => {
    expect((await subscribe({ url: receiver.url, secret: receiver.secret })).status).toBe(200);
    receiver.failNext(503, 500);
    const noticeId = await postNotice();
    await runtime.tick();
    const attempts = deliveriesOf(noticeId);
    expect(attempts.map((d) => d.status)).toEqual([503, 500, 204]);
    expect(new Set(attempts.map((d) => d.id)).size).toBe(1);
  });

  it("tells of the withdrawal, and nothing once the receiver is removed", async () => {
    expect((await subscribe({ url: receiver.url, secret: receiver.secret })).status).toBe(200);
    const noticeId = await postNotice();
    // The clock is pinned: the withdrawal comes a minute later, as it would in life, so that the
    // two changes carry different times for the receiver to order them by.
    const later = await runtime.request("/_local/clock", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ now: "2026-11-23T10:01:00+01:00" }),
    });
    expect(later.status).toBe(200);
    const withdrawn = await runtime.request(`/v1/release-notices/${noticeId}/withdraw`, {
      method: "POST",
      headers: json,
      token: kv,
      body: JSON.stringify({ reason: "transferred" }),
    });
    expect(withdrawn.status).toBe(200);
    await runtime.tick();
    // Both were queued before the tick, and SQS keeps no order: the receiver orders by `at`.
    const told = deliveriesOf(noticeId).map((d) => JSON.parse(d.body) as { status: string; at: string });
    expect(told.map((d) => d.status).sort()).toEqual(["received", "withdrawn"]);
    const byTime = [...told].sort((a, b) => a.at.localeCompare(b.at)).map((d) => d.status);
    expect(byTime).toEqual(["received", "withdrawn"]);

    expect(
      (await runtime.request("/v1/release-notices/subscription", { method: "DELETE", token: kv })).status,
    ).toBe(204);
    const afterRemoval = await postNotice();
    await runtime.tick();
    expect(deliveriesOf(afterRemoval)).toEqual([]);
  });
});
