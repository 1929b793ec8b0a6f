import { describe, expect, it } from "vitest";
import { type IdentityNumber, parseIdentityNumber, subjectRef } from "../../../shared/identity";

const REFERENCE = new Date("2025-06-15T10:00:00Z");
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const OTHER_KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

const mustParse = (input: string): IdentityNumber => {
  const parsed = parseIdentityNumber(input, REFERENCE);
  if (parsed === undefined) throw new Error(`expected ${input} to parse`);
  return parsed;
};

describe("subjectRef", () => {
  it("is HMAC-SHA256 of the canonical number, in lowercase hex", () => {
    // Computed independently: printf 198112189876 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
    // A change here breaks the link to every record already stored: treat it as a migration.
    expect(subjectRef(mustParse("811218-9876"), KEY)).toBe(
      "dc14c122005e4ad803d98b5a21f92ea51c3becbc98a9f6282a5bacd4993a3ab7",
    );
  });

  it("is the same for the same person in any form", () => {
    const refs = ["8112189876", "811218-9876", "198112189876", "19811218-9876", " 19811218+9876 "].map(
      (form) => subjectRef(mustParse(form), KEY),
    );
    expect(new Set(refs).size).toBe(1);
    expect(refs[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs between people, and between keys", () => {
    const person = mustParse("811218-9876");
    expect(subjectRef(person, KEY)).not.toBe(subjectRef(mustParse("000229-2399"), KEY));
    expect(subjectRef(person, KEY)).not.toBe(subjectRef(person, OTHER_KEY));
    expect(subjectRef(person, OTHER_KEY)).toBe(
      "b398df9ae88223daf82e2d554889d51088a01c4517da0bbd4285e6198ebe2cfd",
    );
  });

  it("tells a samordningsnummer from the personnummer with the same date and serial", () => {
    const coordination = mustParse("730288-9931");
    expect(coordination.kind).toBe("samordningsnummer");
    expect(subjectRef(coordination, KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(coordination.canonical).toBe("197302889931");
  });

  it("refuses a key shorter than 32 bytes", () => {
    expect(() => subjectRef(mustParse("811218-9876"), new Uint8Array(16))).toThrow(RangeError);
    expect(() => subjectRef(mustParse("811218-9876"), new Uint8Array(0))).toThrow(RangeError);
  });
});
