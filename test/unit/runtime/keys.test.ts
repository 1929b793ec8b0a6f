/**
 * The key ring across a sealing-key rotation: keys are trusted for five minutes, an unknown key id
 * makes the next use fetch again (so a redelivered event opens instead of going to the DLQ), and a
 * failed fetch keeps the keys already held.
 */
import { describe, expect, it } from "vitest";
import { seal, unseal } from "../../../shared/identity/seal";
import { cachedKeyRing, KEY_CACHE_TTL_MS, type KeyMaterial } from "../../../shared/runtime/keys";

const key = (fill: number) => new Uint8Array(32).fill(fill);
const OLD = { kid: "k1", key: key(1) };
const NEW = { kid: "k2", key: key(2) };
const material = (current: { kid: string; key: Uint8Array }, ...all: { kid: string; key: Uint8Array }[]) =>
  ({
    linkingKey: key(9),
    sealingKid: current.kid,
    sealingKeys: new Map(all.map((k) => [k.kid, k.key])),
  }) satisfies KeyMaterial;

/** A secret store the test rotates, counting fetches; `down` makes the fetch fail. */
const store = (initial: KeyMaterial) => {
  const s = { value: initial, fetches: 0, down: false };
  const load = async () => {
    s.fetches += 1;
    if (s.down) throw new Error("secrets manager unreachable");
    return s.value;
  };
  return { s, load };
};

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe("the identity key ring", () => {
  it("fetches once, serves the cache for five minutes, then fetches again", async () => {
    const { s, load } = store(material(OLD, OLD));
    const c = clock();
    const ring = cachedKeyRing(load, { now: c.now });
    await Promise.all([ring.get(), ring.get()]);
    c.advance(KEY_CACHE_TTL_MS - 1);
    await ring.get();
    expect(s.fetches).toBe(1);
    s.value = material(NEW, OLD, NEW);
    c.advance(1);
    expect((await ring.get()).sealingKid).toBe("k2");
    expect(s.fetches).toBe(2);
  });

  it("opens a value sealed under a key id it lacked on the next use after the miss", async () => {
    const { s, load } = store(material(OLD, OLD));
    const c = clock();
    const ring = cachedKeyRing(load, { now: c.now });
    const before = await ring.get();
    // Another container already seals with the rotated key.
    s.value = material(NEW, OLD, NEW);
    const sealed = seal("19121212-1212", NEW);
    c.advance(60_000);
    expect(() => unseal(sealed, before.sealingKeys)).toThrow("sealed value could not be opened");
    const after = await ring.get();
    expect(unseal(sealed, after.sealingKeys)).toBe("19121212-1212");
    expect(s.fetches).toBe(2);
  });

  it("reloads for unknown key ids at most once in ten seconds, so forged ids cost nothing", async () => {
    const { s, load } = store(material(OLD, OLD));
    const c = clock();
    const ring = cachedKeyRing(load, { now: c.now });
    const keys = await ring.get();
    keys.sealingKeys.get("forged");
    await ring.get();
    expect(s.fetches).toBe(1);
    c.advance(10_000);
    keys.sealingKeys.get("forged");
    const again = await ring.get();
    again.sealingKeys.get("forged");
    await ring.get();
    expect(s.fetches).toBe(2);
  });

  it("keeps the keys it holds when a fetch fails, and tries again later", async () => {
    const { s, load } = store(material(OLD, OLD));
    const c = clock();
    const ring = cachedKeyRing(load, { now: c.now });
    await ring.get();
    s.down = true;
    c.advance(KEY_CACHE_TTL_MS);
    expect((await ring.get()).sealingKid).toBe("k1");
    await ring.get();
    expect(s.fetches).toBe(2);
    s.down = false;
    s.value = material(NEW, OLD, NEW);
    c.advance(30_000);
    expect((await ring.get()).sealingKid).toBe("k2");
  });

  it("fails while it has never held keys, and fetches again on the next use", async () => {
    const { s, load } = store(material(OLD, OLD));
    s.down = true;
    const ring = cachedKeyRing(load);
    await expect(ring.get()).rejects.toThrow("secrets manager unreachable");
    s.down = false;
    expect((await ring.get()).sealingKid).toBe("k1");
  });
});
