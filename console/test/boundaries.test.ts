import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { consoleSize, INITIAL_JS_BUDGET_BYTES } from "../bench-size";
import { buildConsole } from "../build";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const sources = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
const importsOf = (file: string): string[] =>
  [...readFileSync(join(SRC, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );

describe("the console's boundaries", () => {
  it("builds against the API alone: nothing from services/, no AWS SDK, no server-side code", () => {
    const offending = sources.flatMap((file) =>
      importsOf(file)
        .filter((path) => /(^|\/)services\/|@aws-sdk|shared\/(http|runtime|events)|^node:/.test(path))
        .map((path) => `${file}: ${path}`),
    );
    expect(offending).toEqual([]);
  });

  it("loads at most 150 KiB of JavaScript (gzipped) before the first page, the OIDC client only when used", async () => {
    const size = await consoleSize();
    expect(size.initialJsGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    const built = await buildConsole();
    const initial = built.initialScripts.map((path) =>
      new TextDecoder().decode(built.files.get(path)?.contents),
    );
    expect(initial.some((code) => code.includes("signinRedirectCallback"))).toBe(false);
    expect(size.onDemandJsGzipBytes).toBeGreaterThan(0);
  });
});
