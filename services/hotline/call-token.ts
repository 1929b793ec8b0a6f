import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A signed call token, handed out in the `next` and `whenhangup` URLs of a call's answers. It
 * proves that we gave this call's next step to the provider, so that a `next` or `hangup` for a
 * call we hold no record of (its first write failed, or storage is down now) is served only when
 * the token is ours: without it anyone holding a credential could walk `next?attempt=N` through a
 * chain and read off every on-call worker's phone.
 *
 * The token binds the call id, the municipality, the hook (and, for `next`, the ring it reports
 * on) and an expiry, under a key derived from the webhook secret: no secret of its own to keep.
 * Format: `<expiry in epoch seconds>.<base64url HMAC-SHA256>`.
 */

export type CallTokenHook = { readonly hook: "next"; readonly attempt: number } | { readonly hook: "hangup" };

export interface CallTokenSubject {
  readonly callId: string;
  readonly municipality: string;
  readonly purpose: CallTokenHook;
}

/** A ring lasts at most 120 s and a `next` follows at once; the margin covers the provider's retries. */
export const NEXT_TOKEN_SECONDS = 30 * 60;
/** The hangup comes when the call ends, which after an answer can be hours later. */
export const HANGUP_TOKEN_SECONDS = 24 * 60 * 60;

const lifetimeOf = (purpose: CallTokenHook): number =>
  purpose.hook === "next" ? NEXT_TOKEN_SECONDS : HANGUP_TOKEN_SECONDS;

const keyOf = (secretPassword: string): Buffer =>
  createHmac("sha256", secretPassword).update("hotline-call-token").digest();

const macOf = (key: Buffer, subject: CallTokenSubject, expires: number): Buffer => {
  const purpose = subject.purpose.hook === "next" ? `next:${subject.purpose.attempt}` : "hangup";
  // Separated by a newline, which none of the parts can hold (validated ids and kommunkoder).
  const text = ["v1", subject.municipality, subject.callId, purpose, String(expires)].join("\n");
  return createHmac("sha256", key).update(text, "utf8").digest();
};

export const signCallToken = (secretPassword: string, subject: CallTokenSubject, now: Date): string => {
  const expires = Math.floor(now.getTime() / 1000) + lifetimeOf(subject.purpose);
  return `${expires}.${macOf(keyOf(secretPassword), subject, expires).toString("base64url")}`;
};

/** Whether `token` was signed (under any accepted password) for this subject and has not expired. */
export const verifyCallToken = (
  secretPasswords: readonly string[],
  token: string | undefined,
  subject: CallTokenSubject,
  now: Date,
): boolean => {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match?.[1] || !match[2]) return false;
  const expires = Number(match[1]);
  if (expires < Math.floor(now.getTime() / 1000)) return false;
  const offered = Buffer.from(match[2], "base64url");
  let ok = false;
  for (const password of secretPasswords) {
    ok = timingSafeEqual(offered, macOf(keyOf(password), subject, expires)) || ok;
  }
  return ok;
};
