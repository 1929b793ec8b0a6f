/**
 * Swedish personal identity numbers (personnummer, SFS 1991:481 § 18) and coordination numbers
 * (samordningsnummer, § 18 a): the 10-, 11-, 12- and 13-character forms, the Luhn check digit over
 * the 10-digit form, real calendar dates, and the century from the separator and a reference date.
 * Interim numbers (a letter in the serial) are not identities in the population register and are
 * rejected.
 */
import { stockholmIsoDate } from "../runtime/stockholm-clock";

export type IdentityKind = "personnummer" | "samordningsnummer";

export interface IdentityNumber {
  readonly kind: IdentityKind;
  /**
   * `YYYYMMDDNNNC`: four-digit year, no separator, and the day exactly as issued (so 61–91 for a
   * samordningsnummer). The same person typed in any form gives the same canonical string, which
   * is what the keyed hash links records by. Personal data: never log it.
   */
  readonly canonical: string;
  /** The real birth date, `YYYY-MM-DD` (for a samordningsnummer, the day less 60). */
  readonly birthDate: string;
}

const SAMORDNING_DAY_OFFSET = 60;

// Two optional century digits, then YYMMDD, an optional separator, a three-digit serial and the
// check digit. Anything else (spaces inside, letters, other dashes) is not a form Skatteverket uses.
const FORM = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

// Built on first use, and only outside the years stockholmIsoDate knows: the first Intl formatter
// of a process costs its cold start tens of milliseconds (shared/runtime/stockholm-clock.ts).
let stockholmDate: Intl.DateTimeFormat | undefined;

/** The calendar date (`YYYY-MM-DD`) that the instant falls on in Europe/Stockholm. */
export function isoDateInStockholm(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("invalid instant");
  const known = stockholmIsoDate(instant.getTime());
  if (known) return known;
  stockholmDate ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const parts = new Map(stockholmDate.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.get("year")}-${parts.get("month")}-${parts.get("day")}`;
}

/**
 * Parses a personnummer or samordningsnummer in any of its common forms.
 *
 * Century, for the forms with a two-digit year (Skatteverket's rule: the separator becomes `+` in
 * the year the person turns 100):
 * - `-` or no separator: the latest year ending in YY that is not after the reference year;
 * - `+`: the latest year ending in YY that is at least 100 years before the reference year.
 * With a four-digit year the century is explicit, and a separator (`-` or `+`) is accepted and
 * ignored: systems write `YYYYMMDD-NNNC` whatever the age, so it carries no information.
 *
 * A birth date after the reference date is rejected (nobody is issued a number before birth), as
 * is serial 000, which is never issued. The reference date's calendar day is taken in
 * Europe/Stockholm. Returns undefined for anything invalid; the reason is deliberately not given,
 * so that callers cannot echo the number back in an error. An invalid reference Date is a
 * programming error and throws a RangeError.
 */
export function parseIdentityNumber(input: string, referenceDate: Date): IdentityNumber | undefined {
  const match = FORM.exec(input.trim());
  if (!match) return undefined;
  const [, centuryDigits, yy = "", mm = "", dd = "", separator, serial = "", check = ""] = match;
  if (serial === "000") return undefined;
  if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) return undefined;

  const reference = isoDateInStockholm(referenceDate);
  const referenceYear = Number(reference.slice(0, 4));
  const year =
    centuryDigits === undefined
      ? latestYearEndingIn(Number(yy), separator === "+" ? referenceYear - 100 : referenceYear)
      : Number(`${centuryDigits}${yy}`);

  const month = Number(mm);
  const writtenDay = Number(dd);
  const kind: IdentityKind = writtenDay > SAMORDNING_DAY_OFFSET ? "samordningsnummer" : "personnummer";
  const day = kind === "samordningsnummer" ? writtenDay - SAMORDNING_DAY_OFFSET : writtenDay;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;

  const yyyy = String(year).padStart(4, "0");
  const birthDate = `${yyyy}-${mm}-${String(day).padStart(2, "0")}`;
  // ISO dates compare correctly as strings.
  if (birthDate > reference) return undefined;

  return { kind, canonical: `${yyyy}${mm}${dd}${serial}${check}`, birthDate };
}

/**
 * Age in full years on a calendar date (`YYYY-MM-DD`).
 *
 * Someone born on 29 February becomes a year older on 1 March in a common year: a year is full
 * only once the birthday's (month, day) has been reached, and 28 February comes before 29
 * February. That is how Swedish practice is usually described (1 March, not 28 February), and it is
 * the cautious choice here: nobody is treated as 18 before 18 full years have passed.
 * Throws a RangeError for a malformed date or one before the birth date.
 */
export function ageOn(id: IdentityNumber, date: string): number {
  const on = parseIsoDate(date);
  const born = parseIsoDate(id.birthDate);
  if (on === undefined || born === undefined) throw new RangeError("not a calendar date (YYYY-MM-DD)");
  if (date < id.birthDate) throw new RangeError("date is before the birth date");
  const birthdayReached = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (birthdayReached ? 0 : 1);
}

function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const doubled = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

function latestYearEndingIn(yy: number, notAfter: number): number {
  return notAfter - ((((notAfter - yy) % 100) + 100) % 100);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseIsoDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}
