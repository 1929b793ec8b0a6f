/**
 * The generated document passes Redocly's recommended rules with nothing to report: not an error,
 * not a warning (a licence, a description per tag, a 4xx per operation, no ambiguous paths…).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { projectOpenApiDocument } from "../../../infra/openapi-document";
import { SERVICE_DEFINITIONS } from "../../../infra/services";

const run = promisify(execFile);

const reportSchema = z.object({
  totals: z.object({ errors: z.number(), warnings: z.number(), ignored: z.number() }),
  problems: z.array(z.object({ ruleId: z.string(), message: z.string() })),
});

describe("Redocly lint (recommended)", () => {
  it("reports no error and no warning on the generated document", { timeout: 60_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "openapi-lint-")), "openapi.json");
    writeFileSync(file, JSON.stringify(projectOpenApiDocument(SERVICE_DEFINITIONS)));
    const { stdout } = await run(
      "node_modules/.bin/redocly",
      ["lint", file, "--extends=recommended", "--format=json"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });
});
