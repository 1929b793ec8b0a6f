import { describe, expect, it } from "vitest";
import {
  retryDelaySeconds,
  secretKey,
  signatureOf,
  signedDelivery,
  verifySignature,
} from "../../../services/release-notices/domain/delivery";
import { decideReceiverUrl } from "../../../services/release-notices/domain/subscription";
import { QUEUES } from "../../../shared/resources";

// The Standard Webhooks specification's own test vector (its reference libraries' tests).
const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const bytes = (n: number) => `whsec_${Buffer.alloc(n, 7).toString("base64")}`;

describe("signing a delivery (Standard Webhooks)", () => {
  it("signs id.timestamp.body with the base64-decoded secret, as the specification's vector says", () => {
    const key = secretKey(SPEC.secret);
    expect(key).toBeDefined();
    expect(signatureOf(key as Buffer, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
  });

  it("sends webhook-id, webhook-timestamp (Unix seconds) and webhook-signature, which a receiver verifies", () => {
    const key = secretKey(bytes(32)) as Buffer;
    const now = new Date("2026-11-23T10:00:00Z");
    const delivery = {
      noticeId: "KV-1",
      status: "planning",
      planDueDate: "2027-04-15",
      at: now.toISOString(),
    } as const;
    const { headers, body } = signedDelivery(key, "01JZ", delivery, now);
    expect(JSON.parse(body)).toEqual(delivery);
    expect(headers["webhook-timestamp"]).toBe(String(now.getTime() / 1000));
    const received = {
      id: "01JZ",
      timestamp: headers["webhook-timestamp"] ?? "",
      signature: headers["webhook-signature"] ?? "",
    };
    expect(verifySignature(key, received, body, now)).toBe(true);
    expect(verifySignature(key, received, body.replace("planning", "plan-ready"), now)).toBe(false);
    expect(verifySignature(key, received, body, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secretKey(bytes(33)) as Buffer, received, body, now)).toBe(false);
  });

  it("accepts secrets of 24 to 64 bytes after whsec_, nothing else", () => {
    expect(secretKey(bytes(24))).toHaveLength(24);
    expect(secretKey(bytes(64))).toHaveLength(64);
    expect(secretKey(bytes(23))).toBeUndefined();
    expect(secretKey(bytes(65))).toBeUndefined();
    expect(secretKey(bytes(32).slice("whsec_".length))).toBeUndefined();
    expect(secretKey("whsec_not*base64*at*all*not*base64*at*all")).toBeUndefined();
  });
});

describe("retrying a failed delivery", () => {
  it("backs off from 30 seconds, and the queue's receives span a day before the dead-letter queue", () => {
    const receives = QUEUES["release-notices"]?.maxReceiveCount ?? 0;
    const delays = Array.from({ length: receives - 1 }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays[0]).toBe(30);
    expect(delays.every((d, i) => i === 0 || d >= (delays[i - 1] ?? 0))).toBe(true);
    // SQS holds a message back at most 12 hours.
    expect(Math.max(...delays)).toBeLessThanOrEqual(12 * 3600);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600);
    expect(total).toBeLessThan(30 * 3600);
  });
});

describe("where deliveries may go", () => {
  it("https anywhere; http only to loopback and only where the service runs on loopback", () => {
    expect(decideReceiverUrl("https://kvv.example.se/hooks", { allowLoopbackHttp: false }).ok).toBe(true);
    expect(decideReceiverUrl("http://127.0.0.1:3003/x", { allowLoopbackHttp: false }).ok).toBe(false);
    expect(decideReceiverUrl("http://127.0.0.1:3003/x", { allowLoopbackHttp: true }).ok).toBe(true);
    expect(decideReceiverUrl("http://localhost/x", { allowLoopbackHttp: true }).ok).toBe(true);
    expect(decideReceiverUrl("http://kvv.example.se/x", { allowLoopbackHttp: true }).ok).toBe(false);
    expect(decideReceiverUrl("http://127.0.0.1.example.se/x", { allowLoopbackHttp: true }).ok).toBe(false);
  });
});
