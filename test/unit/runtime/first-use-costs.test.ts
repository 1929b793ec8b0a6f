/**
 * Three of Node's built-ins cost a cold start far more on their first use than after (issue 15,
 * docs/benchmarks.md, the seventh and eighth passes), and were found on a caller's first answer:
 * - `net.isIP` (and isIPv4, isIPv6) compiles Node's IPv6 pattern on first use, 4-6 ms of CPU here:
 *   the telephony webhooks' source check now parses with SocketAddress, in C++;
 * - the first `Intl.DateTimeFormat` of a process loads ICU's zone data, 17-27 ms here (and 40-140
 *   under load): Stockholm's clock is read without it (shared/stockholm-clock.ts), and a zone's
 *   wall clock goes through shared/zoned-clock.ts, which asks Intl only for other zones;
 * - the `performance` global loads Node's performance timing modules on first use, 1.5-3.5 ms:
 *   elapsed time is read through shared/runtime/monotonic.ts `monotonicMs` (process.hrtime).
 * Code under services/ and shared/, which a function can bundle, keeps to those routes; the files
 * below build a formatter themselves, each only where Stockholm's clock cannot answer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");

/** Where an Intl formatter is built, and why there. */
const INTL_FORMATTERS: Readonly<Record<string, string>> = {
  "shared/zoned-clock.ts": "other zones than Stockholm, and years outside the EU rule",
  "shared/identity/personnummer.ts": "Stockholm's date outside the EU rule's years",
  "services/hotline/contract-schedule-body.ts": "whether a zone other than Stockholm exists",
};

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

const IS_IP = /\bisIP(?:v4|v6)?\b[^;\n]*from\s*["'](?:node:)?net["']|\bnet\.isIP(?:v4|v6)?\(/;
const INTL_FORMATTER = /\bnew\s+Intl\.DateTimeFormat\b|\btoLocale(?:Date|Time)?String\(/;
const PERFORMANCE = /(?<![.\w])performance\.\w|\bfrom\s*["'](?:node:)?perf_hooks["']/;

const files = [...sources(join(ROOT, "services")), ...sources(join(ROOT, "shared"))].map((file) => ({
  path: relative(ROOT, file),
  text: readFileSync(file, "utf8"),
}));

describe("built-ins whose first use costs a cold start", () => {
  it("are recognised as imported or called", () => {
    expect(IS_IP.test('import { BlockList, isIP } from "node:net";')).toBe(true);
    expect(IS_IP.test("if (net.isIPv6(address)) {")).toBe(true);
    expect(IS_IP.test('import { BlockList, SocketAddress } from "node:net";')).toBe(false);
    expect(INTL_FORMATTER.test('new Intl.DateTimeFormat("sv-SE", { timeZone })')).toBe(true);
    expect(INTL_FORMATTER.test("at.toLocaleTimeString('sv-SE')")).toBe(true);
    expect(INTL_FORMATTER.test("let formatter: Intl.DateTimeFormat | undefined;")).toBe(false);
    expect(PERFORMANCE.test("const startedAt = performance.now();")).toBe(true);
    expect(PERFORMANCE.test('import { performance } from "node:perf_hooks";')).toBe(true);
    expect(PERFORMANCE.test("const startedAt = monotonicMs();")).toBe(false);
    expect(PERFORMANCE.test("// the performance of a page")).toBe(false);
  });

  it("leave net.isIP out of every file under services/ and shared/", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => IS_IP.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it("leave the performance global out of every file under services/ and shared/", () => {
    expect(files.filter((f) => PERFORMANCE.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it("build an Intl date formatter only where Stockholm's clock cannot answer", () => {
    const building = files.filter((f) => INTL_FORMATTER.test(f.text)).map((f) => f.path);
    expect(building.sort()).toEqual(Object.keys(INTL_FORMATTERS).sort());
  });
});
