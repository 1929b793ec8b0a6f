/** Valid identity numbers for tests, checked against the service's own parser. */
import { parseIdentityNumber } from "../../shared/identity";

const luhn = (nineDigits: string): number => {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const doubled = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
};

export interface TestIdentity {
  /** `YYYYMMDDNNNC`, what the service calls canonical. */
  readonly canonical: string;
  /** `YYYYMMDD-NNNC` */
  readonly thirteen: string;
  /** `YYMMDD-NNNC` */
  readonly eleven: string;
  /** `YYMMDDNNNC` */
  readonly ten: string;
  /** Every common form, for asserting that none of them leaks. */
  readonly forms: readonly string[];
}

/** `YYYYMMDD-NNNC` with the right check digit, whether or not the date exists. */
export const withCheckDigit = (birth: string, serial: string): string =>
  `${birth}-${serial}${luhn(`${birth.slice(2)}${serial}`)}`;

/**
 * A valid personnummer for a birth date (`YYYYMMDD`) and a three-digit serial, checked against the
 * service's own parser so a test never rests on a number the service would refuse.
 */
export const personnummer = (birth: string, serial: string): TestIdentity => {
  const yymmdd = birth.slice(2);
  const check = luhn(`${yymmdd}${serial}`);
  const canonical = `${birth}${serial}${check}`;
  const identity: TestIdentity = {
    canonical,
    thirteen: `${birth}-${serial}${check}`,
    eleven: `${yymmdd}-${serial}${check}`,
    ten: `${yymmdd}${serial}${check}`,
    forms: [
      canonical,
      `${birth}-${serial}${check}`,
      `${yymmdd}-${serial}${check}`,
      `${yymmdd}${serial}${check}`,
    ],
  };
  const parsed = parseIdentityNumber(identity.thirteen, new Date("2026-01-01T12:00:00Z"));
  if (parsed?.canonical !== canonical) throw new Error(`test identity ${birth}/${serial} is not valid`);
  return identity;
};

/** 19900101-0017, the README's example. */
export const PERSON = personnummer("19900101", "001");
export const OTHER_PERSON = personnummer("19851224", "123");
