import { describe, expect, it } from "vitest";
import {
  allMunicipalities,
  findMunicipality,
  isKommunkod,
  PILOT_MUNICIPALITIES,
} from "../../../shared/municipalities";

describe("municipality register", () => {
  it("holds all 290 municipalities in 21 counties, each code unique and four digits", () => {
    const all = allMunicipalities();
    expect(all).toHaveLength(290);
    const codes = all.map((m) => m.code);
    expect(new Set(codes).size).toBe(290);
    for (const m of all) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.code.startsWith(m.countyCode)).toBe(true);
      expect(m.name).not.toMatch(/kommun$/);
      expect(m.countyName).toMatch(/ län$/);
    }
    expect(new Set(all.map((m) => m.countyCode)).size).toBe(21);
    expect(codes).toEqual([...codes].sort());
  });

  it.each([
    ["1490", "Borås", "14", "Västra Götalands län"],
    ["0305", "Håbo", "03", "Uppsala län"],
    ["0880", "Kalmar", "08", "Kalmar län"],
    ["2281", "Sundsvall", "22", "Västernorrlands län"],
    ["0486", "Strängnäs", "04", "Södermanlands län"],
    ["0380", "Uppsala", "03", "Uppsala län"],
    ["0127", "Botkyrka", "01", "Stockholms län"],
    ["0180", "Stockholm", "01", "Stockholms län"],
  ])("finds %s as %s", (code, name, countyCode, countyName) => {
    expect(findMunicipality(code)).toEqual({ code, name, countyCode, countyName });
    expect(isKommunkod(code)).toBe(true);
  });

  it("names the six pilot municipalities, all in the register", () => {
    expect(PILOT_MUNICIPALITIES.map((code) => findMunicipality(code)?.name)).toEqual([
      "Borås",
      "Håbo",
      "Kalmar",
      "Sundsvall",
      "Strängnäs",
      "Uppsala",
    ]);
  });

  it.each(["9999", "0000", "0100", "1", "01800", " 0180", "0180 ", "", "abcd", "2599"])(
    "does not take %j for a kommunkod",
    (code) => {
      expect(isKommunkod(code)).toBe(false);
      expect(findMunicipality(code)).toBeUndefined();
    },
  );

  it("cannot be changed by a caller", () => {
    const all = allMunicipalities();
    expect(Object.isFrozen(all)).toBe(true);
    expect(all.every((m) => Object.isFrozen(m))).toBe(true);
    const found = findMunicipality("0180");
    expect(found !== undefined && Object.isFrozen(found)).toBe(true);
  });
});
