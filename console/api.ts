/**
 * `npm run console:api`: regenerates `console/src/api/schema.d.ts`, the console's types of the
 * HTTP API, from the OpenAPI document the services' zod schemas produce.
 *
 * openapi-typescript 7 builds its output with TypeScript 5's compiler API, which the project's
 * TypeScript 7 (native, no JavaScript API) does not have, and npm cannot give one package a
 * different copy of a peer dependency. So it runs through npx with both versions pinned, outside
 * the project's tree; only this script needs it (and the registry), never a build or a test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consoleApiDocument, SCHEMA_FILE, withHeader } from "./api-document";

const OPENAPI_TYPESCRIPT = "openapi-typescript@7.13.0";
const TYPESCRIPT = "typescript@5.9.3";

const dir = mkdtempSync(join(tmpdir(), "ny-riktning-console-api-"));
try {
  const document = consoleApiDocument();
  const input = join(dir, "openapi.json");
  const output = join(dir, "schema.d.ts");
  writeFileSync(input, JSON.stringify(document));
  execFileSync(
    "npx",
    ["-y", "-p", TYPESCRIPT, "-p", OPENAPI_TYPESCRIPT, "openapi-typescript", input, "-o", output],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  writeFileSync(SCHEMA_FILE, withHeader(readFileSync(output, "utf8"), document));
  console.log(`wrote ${SCHEMA_FILE}: ${Object.keys(document.paths).length} paths`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
