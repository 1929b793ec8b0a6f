import { describe, expect, it } from "vitest";
import { seal, unseal } from "../../../shared/identity";

const SEALED_FORMAT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const CANNOT_OPEN = "sealed value could not be opened";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const k1 = { kid: "k1", key: new Uint8Array(32).fill(7) };
const k2 = { kid: "k2", key: new Uint8Array(32).fill(9) };
const keys: ReadonlyMap<string, Uint8Array> = new Map([
  [k1.kid, k1.key],
  [k2.kid, k2.key],
]);
const PLAINTEXT = "198112189876";

const openFails = (sealed: string, ring: ReadonlyMap<string, Uint8Array> = keys, aad?: string): Error => {
  try {
    unseal(sealed, ring, aad);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("expected unseal to fail");
};

describe("seal and unseal", () => {
  it("round-trips, with and without additional data", () => {
    for (const text of [PLAINTEXT, "", "Åsa Öberg, 🙂", "x".repeat(10_000)]) {
      expect(unseal(seal(text, k1), keys)).toBe(text);
      expect(unseal(seal(text, k1, "release-notice:KV-1"), keys, "release-notice:KV-1")).toBe(text);
    }
  });

  it("produces v1.<kid>.<iv>.<ciphertext+tag> with a 12-byte IV and a 16-byte tag", () => {
    const sealed = seal(PLAINTEXT, k1);
    expect(sealed).toMatch(SEALED_FORMAT);
    const [version, kid, iv = "", body = ""] = sealed.split(".");
    expect(version).toBe("v1");
    expect(kid).toBe("k1");
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(body, "base64url")).toHaveLength(PLAINTEXT.length + 16);
    expect(sealed).not.toContain(PLAINTEXT);
  });

  it("seals the same value differently each time", () => {
    const seals = new Set(Array.from({ length: 50 }, () => seal(PLAINTEXT, k1)));
    expect(seals.size).toBe(50);
  });

  it("fails when any single character is changed", () => {
    const sealed = seal(PLAINTEXT, k1, "aad");
    for (let i = 0; i < sealed.length; i++) {
      const original = sealed[i] ?? "";
      const replacement = BASE64URL[(BASE64URL.indexOf(original) + 1) % BASE64URL.length] ?? "A";
      const tampered = `${sealed.slice(0, i)}${replacement}${sealed.slice(i + 1)}`;
      expect(openFails(tampered, keys, "aad").message).toBe(CANNOT_OPEN);
    }
  });

  it("fails when parts are dropped, added, swapped or truncated", () => {
    const sealed = seal(PLAINTEXT, k1);
    const [version = "", kid = "", iv = "", body = ""] = sealed.split(".");
    const other = seal(PLAINTEXT, k1).split(".");
    for (const broken of [
      `${version}.${kid}.${iv}`,
      `${sealed}.AAAA`,
      `${version}.${kid}.${other[2]}.${body}`,
      `${version}.${kid}.${iv}.${other[3]}`,
      `${version}.${kid}.${iv}.${body.slice(0, -2)}`,
      `${version}.${kid}.${iv}.${body.slice(0, 20)}`,
      `${version}.${kid}.${iv}.${body}AA`,
      `${version}.${kid}.${iv}=.${body}`,
      `v2.${kid}.${iv}.${body}`,
      `${version}.${kid}.${iv}.${body}\n`,
    ]) {
      expect(openFails(broken).message).toBe(CANNOT_OPEN);
    }
  });

  it("fails with the wrong key, and for a key id it does not know", () => {
    const sealed = seal(PLAINTEXT, k1);
    expect(openFails(sealed, new Map([["k1", k2.key]])).message).toBe(CANNOT_OPEN);
    expect(openFails(sealed, new Map([["k2", k2.key]])).message).toBe(CANNOT_OPEN);
    expect(openFails(sealed, new Map()).message).toBe(CANNOT_OPEN);
  });

  it("fails when the value is relabelled with another key id holding the same key", () => {
    const sealed = seal(PLAINTEXT, k1);
    const relabelled = sealed.replace(/^v1\.k1\./, "v1.k1b.");
    expect(openFails(relabelled, new Map([["k1b", k1.key]])).message).toBe(CANNOT_OPEN);
  });

  it("fails with the wrong additional data, or with it missing or added", () => {
    const withAad = seal(PLAINTEXT, k1, "notice:1");
    expect(openFails(withAad, keys, "notice:2").message).toBe(CANNOT_OPEN);
    expect(openFails(withAad, keys).message).toBe(CANNOT_OPEN);
    expect(openFails(seal(PLAINTEXT, k1), keys, "notice:1").message).toBe(CANNOT_OPEN);
  });

  it("still opens values sealed under an old key after rotation", () => {
    const old = seal(PLAINTEXT, k1);
    const current = seal(PLAINTEXT, k2);
    expect(current.startsWith("v1.k2.")).toBe(true);
    expect(unseal(old, keys)).toBe(PLAINTEXT);
    expect(unseal(current, keys)).toBe(PLAINTEXT);
    // Once the old key is retired, its values no longer open.
    expect(openFails(old, new Map([[k2.kid, k2.key]])).message).toBe(CANNOT_OPEN);
  });

  it("never puts any of the input in the error", () => {
    for (const input of [
      "",
      PLAINTEXT,
      `v1.${PLAINTEXT}.AAAA.BBBB`,
      "v1.k1.not base64.x",
      `v1.k1.${"A".repeat(16)}.${"B".repeat(40)}`,
    ]) {
      const error = openFails(input);
      expect(error.message).toBe(CANNOT_OPEN);
      expect(error.cause).toBeUndefined();
    }
  });

  it("refuses keys that are not 32 bytes, and key ids outside the sealed format", () => {
    for (const length of [0, 16, 31, 33, 64]) {
      expect(() => seal(PLAINTEXT, { kid: "k1", key: new Uint8Array(length) })).toThrow(RangeError);
      const short = new Map([["k1", new Uint8Array(length)]]);
      expect(openFails(seal(PLAINTEXT, k1), short).message).toBe(CANNOT_OPEN);
    }
    for (const kid of ["", "k.1", "k 1", "ä", "k".repeat(33)]) {
      expect(() => seal(PLAINTEXT, { kid, key: k1.key })).toThrow(RangeError);
    }
  });
});
