/**
 * The functions validate with zod/mini (issue 15, cold starts): full zod ("zod", the classic API)
 * cost every function about 75 KiB more, some 8 ms more to compile and 9 ms more to evaluate
 * before a schema was built, and each classic object schema compiles a parser with `new Function`
 * on its first parse, on the first caller's time (npm run bench -- cold; docs/benchmarks.md). Tests
 * and build-time tools (test/, infra/, console/) may use full zod; code under services/ and shared/,
 * which a function can bundle, imports zod/mini or zod's core only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const ALLOWED = new Set(["zod/mini", "zod/v4/core"]);

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** Every zod module a source imports, statically, by type or dynamically. */
const zodImportsOf = (text: string): string[] =>
  [...text.matchAll(/\bfrom\s*["'](zod(?:\/[^"']*)?)["']|\bimport\(\s*["'](zod(?:\/[^"']*)?)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );

describe("zod in the functions' code", () => {
  it("reads static, type-only and dynamic imports of zod", () => {
    const text = [
      'import * as z from "zod";',
      "import type { z as t } from 'zod/v4';",
      'const lazy = await import("zod/mini");',
      'import { x } from "zodiac";',
    ].join("\n");
    expect(zodImportsOf(text)).toEqual(["zod", "zod/v4", "zod/mini"]);
  });

  it("is zod/mini or zod's core in every file under services/ and shared/, never full zod", () => {
    const files = [...sources(join(ROOT, "services")), ...sources(join(ROOT, "shared"))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) =>
      zodImportsOf(readFileSync(file, "utf8"))
        .filter((specifier) => !ALLOWED.has(specifier))
        .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
