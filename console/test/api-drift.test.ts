import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { consoleApiDocument, documentFingerprint, readFingerprints, SCHEMA_FILE } from "../api-document";

const REGENERATE = "the API changed: run `npm run console:api` and commit console/src/api/schema.d.ts";

describe("the console's generated API types", () => {
  const fingerprints = readFingerprints(readFileSync(SCHEMA_FILE, "utf8"));

  it("were generated from the document the server serves today", () => {
    expect(fingerprints.document, REGENERATE).toBe(documentFingerprint(consoleApiDocument()));
  });

  it("are exactly what the generator wrote", () => {
    expect(fingerprints.untouched, "schema.d.ts was edited by hand; regenerate it").toBe(true);
  });
});
