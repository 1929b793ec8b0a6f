/** Caseloads against capacity, pure. */
import type { Caseworker } from "../api/types";

/**
 * Whom the API picks when asked to choose: the lowest caseload relative to capacity, ties to the
 * smaller caseload, then the id; nobody with a capacity of 0. The same rule as the API's, repeated
 * here only to say in advance whom it will pick.
 */
export const suggestedCaseworker = (caseworkers: readonly Caseworker[]): Caseworker | undefined =>
  [...caseworkers]
    .filter((c) => c.capacity > 0)
    .sort(
      (a, b) =>
        a.caseload / a.capacity - b.caseload / b.capacity ||
        a.caseload - b.caseload ||
        (a.caseworkerId < b.caseworkerId ? -1 : 1),
    )[0];

export const isFull = (caseworker: Caseworker): boolean => caseworker.caseload >= caseworker.capacity;
