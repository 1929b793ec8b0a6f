import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import {
  HANGUP_TOKEN_SECONDS,
  NEXT_TOKEN_SECONDS,
  signCallToken,
  verifyCallToken,
} from "../../../services/hotline/call-token";
import { refreshingValue } from "../../../services/hotline/store/refreshing";
import {
  ELKS46_SOURCES,
  sourceAllowList,
  webhookSourcesFromEnv,
} from "../../../services/hotline/webhook-sources";
import { WEBHOOK_SOURCES_ENV } from "../../../shared/service";

const SECRET = "a-long-webhook-password";
const NOW = new Date("2026-03-28T12:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const next1 = { callId: "c1", municipality: "0880", purpose: { hook: "next", attempt: 1 } } as const;

describe("the call token", () => {
  it("holds for the call, municipality, hook and ring it was signed for, until it expires", () => {
    const token = signCallToken(SECRET, next1, NOW);
    expect(verifyCallToken([SECRET], token, next1, NOW)).toBe(true);
    expect(verifyCallToken([SECRET], token, next1, later(NEXT_TOKEN_SECONDS))).toBe(true);
    expect(verifyCallToken([SECRET], token, next1, later(NEXT_TOKEN_SECONDS + 1))).toBe(false);
    expect(verifyCallToken([SECRET], token, { ...next1, callId: "c2" }, NOW)).toBe(false);
    expect(verifyCallToken([SECRET], token, { ...next1, municipality: "0180" }, NOW)).toBe(false);
    // The ring it names: a token for ring 1 does not walk the chain to ring 3.
    expect(verifyCallToken([SECRET], token, { ...next1, purpose: { hook: "next", attempt: 3 } }, NOW)).toBe(
      false,
    );
    expect(verifyCallToken([SECRET], token, { ...next1, purpose: { hook: "hangup" } }, NOW)).toBe(false);
  });

  it("lasts a day for the hangup, which comes when a conversation ends", () => {
    const hangup = { ...next1, purpose: { hook: "hangup" } } as const;
    const token = signCallToken(SECRET, hangup, NOW);
    expect(verifyCallToken([SECRET], token, hangup, later(HANGUP_TOKEN_SECONDS))).toBe(true);
    expect(verifyCallToken([SECRET], token, hangup, later(HANGUP_TOKEN_SECONDS + 1))).toBe(false);
  });

  it("is refused under another secret, altered, with its expiry moved, or missing", () => {
    const token = signCallToken(SECRET, next1, NOW);
    expect(verifyCallToken(["another-long-password"], token, next1, NOW)).toBe(false);
    // Accepted under any password of a changeover.
    expect(verifyCallToken(["another-long-password", SECRET], token, next1, NOW)).toBe(true);
    const [expires, mac] = token.split(".");
    expect(verifyCallToken([SECRET], `${Number(expires) + 3600}.${mac}`, next1, NOW)).toBe(false);
    const flipped = `${mac?.startsWith("A") ? "B" : "A"}${mac?.slice(1)}`;
    expect(verifyCallToken([SECRET], `${expires}.${flipped}`, next1, NOW)).toBe(false);
    expect(verifyCallToken([SECRET], undefined, next1, NOW)).toBe(false);
    expect(verifyCallToken([SECRET], "nonsense", next1, NOW)).toBe(false);
  });
});

describe("the provider's source addresses", () => {
  it("are 46elks's published servers by default, and loopback (the local runtime)", () => {
    const list = webhookSourcesFromEnv({});
    for (const address of ELKS46_SOURCES) expect(list.allows(address)).toBe(true);
    expect(list.allows("127.0.0.1")).toBe(true);
    expect(list.allows("::1")).toBe(true);
    expect(list.allows("::ffff:127.0.0.1")).toBe(true);
    expect(list.allows("203.0.113.7")).toBe(false);
    expect(list.allows("2001:db8::1")).toBe(false);
    expect(list.allows(undefined)).toBe(false);
    expect(list.allows("not an address")).toBe(false);
  });

  it("are configurable as addresses and CIDR ranges, or `*` for any", () => {
    const list = webhookSourcesFromEnv({ TELEPHONY_WEBHOOK_SOURCES: "203.0.113.0/24, 2001:db8::/32" });
    expect(list.allows("203.0.113.200")).toBe(true);
    expect(list.allows("203.0.114.1")).toBe(false);
    expect(list.allows("2001:db8:1::5")).toBe(true);
    expect(list.allows(ELKS46_SOURCES[0])).toBe(false);
    expect(webhookSourcesFromEnv({ TELEPHONY_WEBHOOK_SOURCES: "*" }).allows("198.51.100.1")).toBe(true);
  });

  it("refuse to start with an entry that is not an address or range, naming it", () => {
    expect(() => sourceAllowList(["176.10.154.199", "46elks.se"])).toThrow(/"46elks.se"/);
    expect(() => sourceAllowList(["10.0.0.0/33"])).toThrow(/10.0.0.0\/33/);
  });

  // Parsed by Node's C++ (SocketAddress), not net.isIP's patterns: the two must agree on what an
  // address is, on the forms an attacker or a mistyped setting could try.
  it.each([
    ["1.2.3.4", true],
    ["0.0.0.0", true],
    ["255.255.255.255", true],
    ["01.2.3.4", false],
    ["1.2.3", false],
    ["256.1.1.1", false],
    ["1.2.3.4.5", false],
    ["1.2.3.-4", false],
    ["0x7f.0.0.1", false],
    ["::", true],
    ["::1", true],
    ["2001:db8::1", true],
    ["1:2:3:4:5:6:7:8", true],
    ["::ffff:1.2.3.4", true],
    ["2001:DB8::A", true],
    ["2001:db8:::1", false],
    ["1:2:3:4:5:6:7:8:9", false],
    ["1::2::3", false],
    ["g::1", false],
    ["12345::1", false],
    [":", false],
    ["", false],
    ["localhost", false],
  ])("take %j as an address: %s, as Node's isIP does", (address, valid) => {
    expect(isIP(address) !== 0).toBe(valid);
    if (valid) expect(sourceAllowList([address]).allows(address)).toBe(true);
    else {
      expect(() => sourceAllowList([address])).toThrow(WEBHOOK_SOURCES_ENV);
      expect(sourceAllowList(["0.0.0.0/0", "::/0"]).allows(address)).toBe(false);
    }
  });
});

describe("a secret kept for a short lifetime", () => {
  const setup = () => {
    let clock = 0;
    let version = 0;
    let failing = false;
    const errors: unknown[] = [];
    const fetches: number[] = [];
    const value = refreshingValue(
      async () => {
        fetches.push(clock);
        if (failing) throw new Error("Secrets Manager is down");
        version += 1;
        return version;
      },
      { ttlMs: 300_000, retryMs: 30_000, now: () => clock, onStaleError: (e) => errors.push(e) },
    );
    return {
      value,
      fetches,
      errors,
      at: (ms: number) => {
        clock = ms;
      },
      fail: (on: boolean) => {
        failing = on;
      },
    };
  };

  it("is fetched once, shared by concurrent uses, and fetched anew after its lifetime", async () => {
    const s = setup();
    expect(await Promise.all([s.value.get(), s.value.get(), s.value.get()])).toEqual([1, 1, 1]);
    s.at(299_999);
    expect(await s.value.get()).toBe(1);
    s.at(300_000);
    expect(await s.value.get()).toBe(2);
    expect(s.fetches).toEqual([0, 300_000]);
  });

  it("is reloaded on demand at most once in the retry interval", async () => {
    const s = setup();
    await s.value.get();
    s.at(10_000);
    expect(await s.value.reload()).toBe(1);
    s.at(30_000);
    expect(await s.value.reload()).toBe(2);
    s.at(40_000);
    expect(await s.value.reload()).toBe(2);
    expect(s.fetches).toEqual([0, 30_000]);
  });

  it("keeps serving the value in hand when a refresh fails, and tries again after the retry interval", async () => {
    const s = setup();
    await s.value.get();
    s.fail(true);
    s.at(300_000);
    expect(await s.value.get()).toBe(1);
    expect(s.errors).toHaveLength(1);
    s.at(310_000);
    expect(await s.value.get()).toBe(1);
    s.fail(false);
    s.at(330_000);
    expect(await s.value.get()).toBe(2);
    expect(s.fetches).toEqual([0, 300_000, 330_000]);
  });

  it("throws when the first fetch fails, and fetches again on the next use", async () => {
    const s = setup();
    s.fail(true);
    await expect(s.value.get()).rejects.toThrow(/down/);
    s.fail(false);
    expect(await s.value.get()).toBe(1);
  });
});
