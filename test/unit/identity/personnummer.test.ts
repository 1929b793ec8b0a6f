import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  type IdentityNumber,
  isoDateInStockholm,
  parseIdentityNumber,
} from "../../../shared/identity";

/** Appends the Luhn check digit to `YYMMDDNNN`, so tests can build numbers for any date. */
const withCheck = (nineDigits: string): string => {
  let sum = 0;
  [...nineDigits].forEach((c, i) => {
    const v = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  });
  return `${nineDigits}${(10 - (sum % 10)) % 10}`;
};

/** `YYMMDD` + separator + `NNNC` from a `YYMMDDNNN` body. */
const short = (body: string, separator: "" | "-" | "+" = "-"): string => {
  const digits = withCheck(body);
  return `${digits.slice(0, 6)}${separator}${digits.slice(6)}`;
};

/** Noon UTC is the same calendar date in Stockholm all year round. */
const on = (date: string): Date => new Date(`${date}T12:00:00Z`);
const REFERENCE = on("2025-06-15");

const parse = (input: string, reference = REFERENCE): IdentityNumber | undefined =>
  parseIdentityNumber(input, reference);

const mustParse = (input: string, reference = REFERENCE): IdentityNumber => {
  const parsed = parseIdentityNumber(input, reference);
  if (parsed === undefined) throw new Error(`expected ${input} to parse`);
  return parsed;
};

describe("parseIdentityNumber: forms", () => {
  it("gives one canonical form for the same person whichever form is typed", () => {
    const forms = [
      "8112189876",
      "811218-9876",
      "198112189876",
      "19811218-9876",
      "19811218+9876",
      " 811218-9876\n",
    ];
    for (const form of forms) {
      expect(parse(form)).toEqual({
        kind: "personnummer",
        canonical: "198112189876",
        birthDate: "1981-12-18",
      });
    }
  });

  it.each([
    ["an empty string", ""],
    ["a space as separator", "811218 9876"],
    ["an en dash as separator", "811218–9876"],
    ["two separators", "811218--9876"],
    ["a separator in the wrong place", "8112-189876"],
    ["too few digits", "81121898"],
    ["too many digits", "1198112189876"],
    ["a wrong check digit", "811218-9875"],
    ["an interim number", "000101-T220"],
    ["serial 000", short("811218000")],
    ["a non-ASCII digit", "٨١١٢١٨-٩٨٧٦"],
  ])("rejects %s", (_, input) => {
    expect(parse(input)).toBeUndefined();
  });

  it.each([
    ["month 00", "810018123"],
    ["month 13", "811318123"],
    ["day 00", "811200123"],
    ["31 April", "810431123"],
    ["day 32", "811232123"],
    ["day 59", "811259123"],
  ])("rejects %s even with a correct check digit", (_, body) => {
    expect(parse(short(body))).toBeUndefined();
  });
});

describe("parseIdentityNumber: century", () => {
  it("reads `-` as the latest year not after the reference year", () => {
    expect(mustParse(short("090527147")).birthDate).toBe("2009-05-27");
    expect(mustParse(short("991231123")).birthDate).toBe("1999-12-31");
    expect(mustParse(short("250101123")).birthDate).toBe("2025-01-01");
  });

  it("reads no separator like `-`", () => {
    expect(mustParse(short("090527147", "")).birthDate).toBe("2009-05-27");
  });

  it("reads `+` as at least 100 years before the reference year", () => {
    expect(mustParse(short("090527147", "+")).birthDate).toBe("1909-05-27");
    expect(mustParse(short("991231123", "+")).birthDate).toBe("1899-12-31");
  });

  it("reads `+` for someone turning exactly 100 on the reference date", () => {
    const id = mustParse(short("250615123", "+"));
    expect(id.birthDate).toBe("1925-06-15");
    expect(ageOn(id, "2025-06-15")).toBe(100);
    expect(ageOn(id, "2025-06-14")).toBe(99);
  });

  it("uses `+` from the start of the year someone turns 100 (Skatteverket's rule)", () => {
    const id = mustParse(short("251224123", "+"));
    expect(id.birthDate).toBe("1925-12-24");
    expect(ageOn(id, "2025-06-15")).toBe(99);
    // The same digits with `-` are a birth later this year: not yet possible.
    expect(parse(short("251224123", "-"))).toBeUndefined();
  });

  it("accepts a birth on the reference date and rejects one after it", () => {
    expect(mustParse(short("250615123")).birthDate).toBe("2025-06-15");
    expect(parse(short("250616123"))).toBeUndefined();
    expect(parse(`20${withCheck("250616123")}`)).toBeUndefined();
  });

  it("takes the reference date's calendar day in Europe/Stockholm", () => {
    const number = short("250101123");
    const long = `20${withCheck("250101123")}`;
    // 23:30 UTC on New Year's Eve is already 1 January in Stockholm: a newborn, and a new reference year.
    expect(parse(number, new Date("2024-12-31T23:30:00Z"))?.birthDate).toBe("2025-01-01");
    expect(parse(long, new Date("2024-12-31T23:30:00Z"))?.birthDate).toBe("2025-01-01");
    // An hour earlier it is still 2024 there: `25-` is 1925, and 2025-01-01 is in the future.
    expect(parse(number, new Date("2024-12-31T22:59:59Z"))?.birthDate).toBe("1925-01-01");
    expect(parse(long, new Date("2024-12-31T22:59:59Z"))).toBeUndefined();
  });

  it("takes the century from a four-digit year whatever the separator", () => {
    const digits = withCheck("090527147");
    expect(mustParse(`19${digits.slice(0, 6)}-${digits.slice(6)}`).birthDate).toBe("1909-05-27");
    expect(mustParse(`20${digits.slice(0, 6)}+${digits.slice(6)}`).birthDate).toBe("2009-05-27");
  });
});

describe("parseIdentityNumber: leap days", () => {
  it("accepts 29 February 2000 and rejects 29 February 1900", () => {
    expect(mustParse("000229-2399").birthDate).toBe("2000-02-29");
    expect(mustParse("200002292399").birthDate).toBe("2000-02-29");
    expect(parse("000229+2399")).toBeUndefined();
    expect(parse("190002292399")).toBeUndefined();
  });

  it("accepts 29 February only in leap years", () => {
    expect(mustParse(short("240229123")).birthDate).toBe("2024-02-29");
    expect(parse(short("230229123"))).toBeUndefined();
    expect(mustParse(short("040229123", "+")).birthDate).toBe("1904-02-29");
  });
});

describe("parseIdentityNumber: samordningsnummer", () => {
  it.each([
    ["day 61", "810161123", "1981-01-01"],
    ["day 91 in a 31-day month", "810191123", "1981-01-31"],
    ["day 90 in a 30-day month", "810490123", "1981-04-30"],
    ["day 89 in February of a leap year", "840289123", "1984-02-29"],
  ])("accepts %s", (_, body, birthDate) => {
    const id = mustParse(short(body));
    expect(id.kind).toBe("samordningsnummer");
    expect(id.birthDate).toBe(birthDate);
    // The +60 day stays in the canonical form: it is part of the number, not of the date.
    expect(id.canonical).toBe(`19${withCheck(body)}`);
  });

  it.each([
    ["day 60", "810160123"],
    ["day 92", "810192123"],
    ["day 91 in a 30-day month", "810491123"],
    ["day 89 in February of a common year", "810289123"],
  ])("rejects %s", (_, body) => {
    expect(parse(short(body))).toBeUndefined();
  });
});

describe("parseIdentityNumber: properties", () => {
  const birthDate = fc.date({
    min: new Date("1926-01-01T00:00:00Z"),
    max: new Date("2025-06-14T00:00:00Z"),
    noInvalidDate: true,
  });
  const serial = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, "0"));

  it("parses every form of any valid number to the same identity", () => {
    fc.assert(
      fc.property(birthDate, serial, fc.boolean(), (date, nnn, coordination) => {
        const iso = date.toISOString().slice(0, 10);
        const day = Number(iso.slice(8, 10)) + (coordination ? 60 : 0);
        const body = `${iso.slice(2, 4)}${iso.slice(5, 7)}${String(day).padStart(2, "0")}${nnn}`;
        const digits = withCheck(body);
        const century = iso.slice(0, 2);
        const forms = [
          digits,
          short(body, "-"),
          `${century}${digits}`,
          `${century}${short(body, "-")}`,
          `${century}${short(body, "+")}`,
        ];
        const expected = {
          kind: coordination ? "samordningsnummer" : "personnummer",
          canonical: `${century}${digits}`,
          birthDate: iso,
        };
        for (const form of forms) expect(parse(form)).toEqual(expected);
      }),
    );
  });

  it("rejects any single-digit change to the check digit", () => {
    fc.assert(
      fc.property(birthDate, serial, fc.integer({ min: 1, max: 9 }), (date, nnn, delta) => {
        const iso = date.toISOString().slice(0, 10);
        const digits = withCheck(`${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${nnn}`);
        const wrong = `${digits.slice(0, 9)}${(Number(digits.slice(9)) + delta) % 10}`;
        expect(parse(wrong)).toBeUndefined();
      }),
    );
  });
});

describe("ageOn", () => {
  const born = (birthDate: string): IdentityNumber =>
    mustParse(
      `${birthDate.slice(0, 2)}${withCheck(`${birthDate.slice(2).replaceAll("-", "")}123`)}`,
      on("2030-01-01"),
    );

  it("turns 18 on the 18th birthday, not the day before", () => {
    const id = born("2007-06-15");
    expect(ageOn(id, "2025-06-14")).toBe(17);
    expect(ageOn(id, "2025-06-15")).toBe(18);
  });

  it("counts full years across month ends", () => {
    const id = born("1990-12-31");
    expect(ageOn(id, "1990-12-31")).toBe(0);
    expect(ageOn(id, "2025-12-30")).toBe(34);
    expect(ageOn(id, "2025-12-31")).toBe(35);
    expect(ageOn(id, "2026-01-01")).toBe(35);
  });

  it("makes someone born on 29 February a year older on 1 March in a common year", () => {
    const id = born("2008-02-29");
    expect(ageOn(id, "2026-02-28")).toBe(17);
    expect(ageOn(id, "2026-03-01")).toBe(18);
    expect(ageOn(id, "2028-02-28")).toBe(19);
    expect(ageOn(id, "2028-02-29")).toBe(20);
  });

  it("uses the real birth date of a samordningsnummer", () => {
    const id = mustParse(short("070675123"));
    expect(id.birthDate).toBe("2007-06-15");
    expect(ageOn(id, "2025-06-14")).toBe(17);
    expect(ageOn(id, "2025-06-15")).toBe(18);
  });

  it("rejects a malformed date or one before the birth", () => {
    const id = born("2007-06-15");
    expect(() => ageOn(id, "2025-6-15")).toThrow(RangeError);
    expect(() => ageOn(id, "2025-02-30")).toThrow(RangeError);
    expect(() => ageOn(id, "2007-06-14")).toThrow(RangeError);
  });
});

describe("isoDateInStockholm", () => {
  it.each([
    ["winter, before local midnight (UTC+1)", "2025-01-15T22:59:59.999Z", "2025-01-15"],
    ["winter, after local midnight (UTC+1)", "2025-01-15T23:00:00Z", "2025-01-16"],
    ["summer, before local midnight (UTC+2)", "2025-06-30T21:59:59Z", "2025-06-30"],
    ["summer, after local midnight (UTC+2)", "2025-06-30T22:00:00Z", "2025-07-01"],
    ["the night clocks go forward", "2025-03-30T01:30:00Z", "2025-03-30"],
    ["New Year in Stockholm before UTC", "2024-12-31T23:30:00Z", "2025-01-01"],
  ])("%s", (_, instant, expected) => {
    expect(isoDateInStockholm(new Date(instant))).toBe(expected);
  });

  it("rejects an invalid Date", () => {
    expect(() => isoDateInStockholm(new Date("not a date"))).toThrow(RangeError);
  });
});
