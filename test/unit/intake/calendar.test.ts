/**
 * The Swedish calendar of lagen (1989:253) om allmänna helgdagar and lagen (1930:173) 2 §,
 * computed from the rules: Easter by the Gregorian computus, the feasts that hang on it, the
 * Saturdays of midsommar and alla helgons dag, the eves the 1930 act names, and the 2005 change.
 */
import { describe, expect, it } from "vitest";
import {
  easterSunday,
  isWorkday,
  onOrNextWorkday,
  publicHolidays,
} from "../../../services/intake/domain/deadlines/calendar";

describe("Easter", () => {
  it("falls on the Sundays the Church of Sweden's almanac gives", () => {
    const known: Record<number, string> = {
      2008: "2008-03-23",
      2011: "2011-04-24",
      2013: "2013-03-31",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2027: "2027-03-28",
      2038: "2038-04-25",
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(date);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      expect(new Date(`${easter}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(easter.slice(5) >= "03-22" && easter.slice(5) <= "04-25").toBe(true);
    }
  });
});

describe("the public holidays of a year", () => {
  it("lists 2026's as the law defines them", () => {
    expect([...publicHolidays(2026).entries()]).toEqual([
      ["2026-01-01", "nyårsdagen"],
      ["2026-01-06", "trettondedag jul"],
      ["2026-04-03", "långfredagen"],
      ["2026-04-05", "påskdagen"],
      ["2026-04-06", "annandag påsk"],
      ["2026-05-01", "första maj"],
      ["2026-05-14", "Kristi himmelsfärdsdag"],
      ["2026-05-24", "pingstdagen"],
      ["2026-06-06", "nationaldagen"],
      ["2026-06-20", "midsommardagen"],
      ["2026-10-31", "alla helgons dag"],
      ["2026-12-25", "juldagen"],
      ["2026-12-26", "annandag jul"],
    ]);
  });

  it("puts midsommardagen on the Saturday of 20–26 June and alla helgons dag on that of 31 October–6 November", () => {
    const find = (year: number, name: string) =>
      [...publicHolidays(year).entries()].find(([, n]) => n === name)?.[0];
    expect(find(2027, "midsommardagen")).toBe("2027-06-26");
    expect(find(2025, "midsommardagen")).toBe("2025-06-21");
    expect(find(2027, "alla helgons dag")).toBe("2027-11-06");
    expect(find(2025, "alla helgons dag")).toBe("2025-11-01");
  });

  it("had annandag pingst and no nationaldagen before 2005", () => {
    const names = (year: number) => [...publicHolidays(year).values()];
    expect(names(2004)).toContain("annandag pingst");
    expect(names(2004)).not.toContain("nationaldagen");
    expect(names(2005)).toContain("nationaldagen");
    expect(names(2005)).not.toContain("annandag pingst");
  });
});

describe("weekdays in the sense of lagen (1930:173) 2 §", () => {
  it("excludes weekends, holidays and midsommarafton, julafton and nyårsafton, but not other eves", () => {
    expect(isWorkday("2026-11-23")).toBe(true); // a Monday
    expect(isWorkday("2026-11-28")).toBe(false); // a Saturday
    expect(isWorkday("2026-11-29")).toBe(false); // a Sunday
    expect(isWorkday("2026-06-19")).toBe(false); // midsommarafton, a Friday
    expect(isWorkday("2026-12-24")).toBe(false); // julafton, a Thursday
    expect(isWorkday("2026-12-31")).toBe(false); // nyårsafton, a Thursday
    expect(isWorkday("2027-05-06")).toBe(false); // Kristi himmelsfärdsdag, a Thursday
    expect(isWorkday("2026-04-30")).toBe(true); // valborgsmässoafton is no day off in the act
    expect(isWorkday("2026-01-05")).toBe(true); // trettondagsafton neither
    expect(isWorkday("2004-05-31")).toBe(false); // annandag pingst 2004
    expect(isWorkday("2005-05-16")).toBe(true); // annandag pingst 2005: a weekday again
  });

  it("moves a day off to the next weekday, over Easter and Christmas", () => {
    expect(onOrNextWorkday("2026-11-23")).toBe("2026-11-23");
    expect(onOrNextWorkday("2026-11-28")).toBe("2026-11-30");
    // Långfredagen 3 April 2026 → Tuesday 7 April, after annandag påsk.
    expect(onOrNextWorkday("2026-04-03")).toBe("2026-04-07");
    // Julafton 2026 (a Thursday) → Monday 28 December; nyårsafton → Monday 4 January, past nyårsdagen and a weekend.
    expect(onOrNextWorkday("2026-12-24")).toBe("2026-12-28");
    expect(onOrNextWorkday("2026-12-31")).toBe("2027-01-04");
    // Midsommarafton 2027 (25 June) → Monday 28 June.
    expect(onOrNextWorkday("2027-06-25")).toBe("2027-06-28");
  });
});
