import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for identities that must travel in events. The sealed form names the key id so that
 * keys can rotate: a consumer keeps old keys to open old events while new ones use the new key.
 *
 *   v1.<kid>.<iv, base64url>.<ciphertext || 16-byte tag, base64url>
 */

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KID = /^[A-Za-z0-9_-]{1,32}$/;
const SEALED = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

// One message for every failure, naming nothing from the input: the sealed value may sit next to
// the error in a log, and which check failed would tell an attacker what to try next.
const CANNOT_OPEN = "sealed value could not be opened";

export function seal(plaintext: string, key: { kid: string; key: Uint8Array }, aad?: string): string {
  if (!KID.test(key.kid)) throw new RangeError("key id must be 1-32 characters of A-Z a-z 0-9 _ -");
  if (key.key.length !== KEY_BYTES) throw new RangeError(`sealing key must be ${KEY_BYTES} bytes`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(key.kid, aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${key.kid}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** Throws an Error with a fixed message for anything that does not open: unknown kid, tampering, wrong aad. */
export function unseal(sealed: string, keys: ReadonlyMap<string, Uint8Array>, aad?: string): string {
  const match = SEALED.exec(sealed);
  if (!match) throw new Error(CANNOT_OPEN);
  const [, kid = "", ivText = "", bodyText = ""] = match;
  const key = keys.get(kid);
  if (key === undefined || key.length !== KEY_BYTES) throw new Error(CANNOT_OPEN);
  const iv = strictBase64url(ivText);
  const body = strictBase64url(bodyText);
  if (iv === undefined || body === undefined || iv.length !== IV_BYTES || body.length < TAG_BYTES) {
    throw new Error(CANNOT_OPEN);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(kid, aad));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  } catch {
    throw new Error(CANNOT_OPEN);
  }
}

// The version and key id are bound into the tag, so a value cannot be relabelled with another kid
// that happens to hold the same key. The caller's aad is length-prefixed so that no two
// (kid, aad) pairs produce the same bytes.
function additionalData(kid: string, aad: string | undefined): Buffer {
  const callerAad = Buffer.from(aad ?? "", "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(callerAad.length);
  return Buffer.concat([Buffer.from(`${VERSION}.${kid}.`, "utf8"), length, callerAad]);
}

// Node's decoder skips characters it does not understand and accepts non-canonical trailing bits;
// a tampered text must not decode to the same bytes, so only the exact re-encoding is accepted.
function strictBase64url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}
