/**
 * `import { z } from "zod"` bundles all of zod (443 KiB, against 97 for what a function uses) into
 * every function that imports the file, however little it uses: it came back twice with new code
 * (npm run bench -- cold showed it). Runtime code imports zod as a namespace, `import * as z`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

describe("zod in the functions' code", () => {
  it("is imported as a namespace, never as the named `z` that drags in all of zod", () => {
    const files = [...sources(join(ROOT, "services")), ...sources(join(ROOT, "shared"))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) =>
        /^import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*"zod(\/v4)?";/m.test(readFileSync(file, "utf8")),
      )
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
