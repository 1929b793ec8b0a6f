import { createHmac, timingSafeEqual } from "node:crypto";
import type { STATUS_CHANGES } from "../../../shared/events/catalogue/release-notices";

/**
 * Status deliveries to the receiver Kriminalvården registered, signed as the Standard Webhooks
 * specification says (https://www.standardwebhooks.com/): HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed by the base64 after `whsec_`, sent as
 * `webhook-signature: v1,<base64>`.
 */

export type StatusChange = (typeof STATUS_CHANGES)[number];

/** The document a receiver gets: no personal data, only the notice's id and where it stands. */
export interface StatusDelivery {
  readonly noticeId: string;
  readonly status: StatusChange;
  readonly planDueDate: string;
  readonly at: string;
}

const SECRET_PREFIX = "whsec_";
/** The specification asks for 24 to 64 random bytes. */
export const SECRET_BYTES = { min: 24, max: 64 } as const;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The HMAC key of a `whsec_` secret, or undefined when it is not one of 24 to 64 bytes. */
export const secretKey = (secret: string): Buffer | undefined => {
  if (!secret.startsWith(SECRET_PREFIX)) return undefined;
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(encoded)) return undefined;
  const key = Buffer.from(encoded, "base64");
  return key.length >= SECRET_BYTES.min && key.length <= SECRET_BYTES.max ? key : undefined;
};

export const signatureOf = (key: Uint8Array, id: string, timestamp: number, body: string): string =>
  `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;

/** The three headers and the body of one delivery; the timestamp is the attempt's, in Unix seconds. */
export const signedDelivery = (
  key: Uint8Array,
  id: string,
  delivery: StatusDelivery,
  now: Date,
): { readonly headers: Record<string, string>; readonly body: string } => {
  const body = JSON.stringify(delivery);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureOf(key, id, timestamp, body),
    },
  };
};

/** What a receiver does (see the README): any `v1` signature matching, in constant time, within tolerance. */
export const verifySignature = (
  key: Uint8Array,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean => {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(signatureOf(key, headers.id, timestamp, body));
  return headers.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
};

const FIRST_DELAY_SECONDS = 30;
const LONGEST_DELAY_SECONDS = 4 * 3600;

/**
 * How long a failed delivery waits before its next attempt, after the `receiveCount`th attempt
 * failed: doubling from 30 seconds, at most 4 hours. With the queue's 15 receives the attempts
 * span a little over a day before the message goes to the dead-letter queue.
 */
export const retryDelaySeconds = (receiveCount: number): number =>
  Math.min(FIRST_DELAY_SECONDS * 2 ** Math.max(0, receiveCount - 1), LONGEST_DELAY_SECONDS);

/** A receiver's answer: 2xx delivered; anything else (or no answer) is tried again later. */
export const delivered = (status: number): boolean => status >= 200 && status < 300;
