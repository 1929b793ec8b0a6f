import type { AGE_GROUPS } from "../../../shared/events/catalogue/intake";
import { ageOn, type IdentityNumber } from "../../../shared/identity";
import { stockholmDate } from "../../../shared/time";

export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Age in full years on the Swedish calendar date of `receivedAt`: a person is 18 from their birthday's first minute. */
export const ageOnReceipt = (identity: IdentityNumber, receivedAt: Date): number =>
  ageOn(identity, stockholmDate(receivedAt));

/** Cylindermodellen's bands, made disjoint; the exact age never leaves intake. */
export const ageGroupOf = (age: number): AgeGroup => {
  if (age <= 5) return "0-5";
  if (age <= 12) return "6-12";
  if (age <= 17) return "13-17";
  if (age <= 30) return "18-30";
  return "31+";
};

export const isChild = (age: number): boolean => age < 18;

/** The bands end at 17, so the group a referral keeps says whether it was about a child. */
export const isChildGroup = (group: AgeGroup): boolean =>
  group === "0-5" || group === "6-12" || group === "13-17";

/**
 * Age in full years on a calendar date, from a birth date a report gave (no identity number):
 * the same counting as for a number, so a year is full only once the birthday is reached.
 */
export const ageOnDate = (birthDate: string, date: string): number => {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = date.split("-").map(Number);
  if ([by, bm, bd, y, m, d].some((n) => n === undefined || Number.isNaN(n))) {
    throw new RangeError("not a calendar date (YYYY-MM-DD)");
  }
  const reached = (m as number) > (bm as number) || (m === bm && (d as number) >= (bd as number));
  return (y as number) - (by as number) - (reached ? 0 : 1);
};
