import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { parseIdentityNumber } from "../../../shared/identity";

// Copied from personnummer/meta (see test/fixtures/personnummer/README.md).
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/personnummer/${name}`, import.meta.url), "utf8"));

const entrySchema = z.object({
  long_format: z.string(),
  short_format: z.string(),
  separated_format: z.string(),
  separated_long: z.string(),
  valid: z.boolean(),
  type: z.enum(["ssn", "con", "interim"]),
});
const listSchema = z.array(entrySchema).check(z.minLength(1));

const list = listSchema.parse(fixture("list.json"));
const interim = listSchema.parse(fixture("interim.json"));

// Any date on or after the list's youngest person (2021-07-31) gives the list's centuries.
const REFERENCE = new Date("2025-06-15T10:00:00Z");
const FORMS = ["long_format", "short_format", "separated_format", "separated_long"] as const;

const valid = list.filter((e) => e.valid);
const invalid = list.filter((e) => !e.valid);

describe("personnummer/meta conformance list", () => {
  it("has the shape this test expects", () => {
    expect(list).toHaveLength(14);
    expect(valid).toHaveLength(8);
    expect(interim).toHaveLength(12);
  });

  describe.each(valid)("valid $separated_long", (entry) => {
    it.each(FORMS)("parses the %s form with the right kind", (form) => {
      const parsed = parseIdentityNumber(entry[form], REFERENCE);
      expect(entry.type).not.toBe("interim");
      expect(parsed?.kind).toBe(entry.type === "con" ? "samordningsnummer" : "personnummer");
    });

    it("gives the long format as canonical from every form whose century is explicit", () => {
      for (const form of ["long_format", "separated_format", "separated_long"] as const) {
        expect(parseIdentityNumber(entry[form], REFERENCE)?.canonical).toBe(entry.long_format);
      }
    });

    it("reads the short form without a separator as someone under 100", () => {
      const parsed = parseIdentityNumber(entry.short_format, REFERENCE);
      const over100 = entry.separated_format.includes("+");
      const year = Number(entry.long_format.slice(0, 4)) + (over100 ? 100 : 0);
      expect(parsed?.canonical).toBe(`${year}${entry.long_format.slice(4)}`);
    });

    it("gives the real birth date", () => {
      const day = Number(entry.long_format.slice(6, 8)) - (entry.type === "con" ? 60 : 0);
      const expected = `${entry.long_format.slice(0, 4)}-${entry.long_format.slice(4, 6)}-${String(day).padStart(2, "0")}`;
      expect(parseIdentityNumber(entry.separated_long, REFERENCE)?.birthDate).toBe(expected);
    });
  });

  describe.each(invalid)("invalid $separated_long", (entry) => {
    it.each(FORMS)("rejects the %s form", (form) => {
      expect(parseIdentityNumber(entry[form], REFERENCE)).toBeUndefined();
    });
  });

  describe.each(interim)("interim number $separated_long", (entry) => {
    it.each(FORMS)("rejects the %s form", (form) => {
      expect(parseIdentityNumber(entry[form], REFERENCE)).toBeUndefined();
    });
  });
});
