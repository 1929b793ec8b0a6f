import { createHmac } from "node:crypto";

/** Canonical JSON (sorted keys, undefined left out), so the same body hashes the same whatever the key order. */
export const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
};

/**
 * HMAC-SHA256 over the parts, each ended by a NUL so that ("ab","c") and ("a","bc") differ. Keyed,
 * because what is hashed (a request body, an idempotency key) can hold an identity number, and an
 * unkeyed hash of one gives it away by trial.
 */
export const keyedHash = (key: Uint8Array, ...parts: string[]): string => {
  const mac = createHmac("sha256", key);
  for (const part of parts) mac.update(part).update("\0");
  return mac.digest("hex");
};
