import { describe, expect, it } from "vitest";
import { canonicalJson, keyedHash } from "../../shared/hashing";

describe("canonical JSON and keyed hashes", () => {
  it("writes the same JSON whatever the key order, and leaves undefined out", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it("separates parts, so moving a boundary changes the hash", () => {
    const key = new Uint8Array(32).fill(7);
    expect(keyedHash(key, "ab", "c")).not.toBe(keyedHash(key, "a", "bc"));
    expect(keyedHash(key, "x")).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash(new Uint8Array(32).fill(8), "x")).not.toBe(keyedHash(key, "x"));
  });
});
