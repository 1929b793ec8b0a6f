/**
 * The person a report is about, as the reporter could name them: by identity number, or by name
 * with a birth date or an approximate age when the number is not known. Routing and deadlines
 * follow the (approximate) age on the Swedish date received; the name never leaves its seal.
 */
import type { IdentityNumber } from "../../../shared/identity";
import { stockholmDate } from "../../../shared/time";
import { ageOnDate, ageOnReceipt } from "./age";

export type ReportedSubject =
  | { readonly kind: "identified"; readonly identity: IdentityNumber }
  | { readonly kind: "born"; readonly name: string; readonly birthDate: string }
  | { readonly kind: "approximate"; readonly name: string; readonly approximateAge: number };

/** The age the routing and the deadlines go by; an approximate age is taken as given. */
export const ageOfSubject = (subject: ReportedSubject, receivedAt: Date): number => {
  switch (subject.kind) {
    case "identified":
      return ageOnReceipt(subject.identity, receivedAt);
    case "born":
      return ageOnDate(subject.birthDate, stockholmDate(receivedAt));
    case "approximate":
      return subject.approximateAge;
  }
};

/** What is sealed for a person not yet identified: what the reporter said, nothing more. */
export const unidentifiedDescription = (
  subject: Exclude<ReportedSubject, { kind: "identified" }>,
): { name: string; birthDate?: string; approximateAge?: number } =>
  subject.kind === "born"
    ? { name: subject.name, birthDate: subject.birthDate }
    : { name: subject.name, approximateAge: subject.approximateAge };
