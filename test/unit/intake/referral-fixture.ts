/** Referrals and identities for the intake domain's unit tests: plain values, no servers. */
import * as z from "zod/mini";

import type { Referral, Transition } from "../../../services/intake/domain/referral";
import type { Decision } from "../../../shared/domain/errors";
import { parseIdentityNumber } from "../../../shared/identity";
import { personnummer } from "../../support/identities";

export const at = (iso: string) => new Date(iso);

/** An identity number as the domain receives it, parsed on the tests' usual day. */
export const identityOf = (birth: string, serial: string) => {
  const identity = parseIdentityNumber(personnummer(birth, serial).thirteen, at("2026-11-01T12:00:00Z"));
  if (!identity) throw new Error("test identity is not valid");
  return identity;
};

/** A child's concern report received 23 November 2026 at 10:00 in Sweden, both deadlines open. */
export const referral = (overrides: Partial<Referral> = {}): Referral => ({
  id: "01KREFERRAL0000000000000001",
  municipality: "0880",
  kind: "concern",
  unit: "mottag-barn",
  ageGroup: "13-17",
  status: "open",
  receivedAt: "2026-11-23T09:00:00.000Z",
  updatedAt: "2026-11-23T09:00:00.000Z",
  subjectRef: "a".repeat(64),
  subjectSealed: "v1.kid.iv.sealed",
  firstOffence: false,
  financialAssistance: false,
  reporterRole: "school",
  deadlines: [
    { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
    { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
  ],
  version: 3,
  ...overrides,
});

/** The value of a decision the test expects to be allowed. */
export const allowed = <T>(decision: Decision<T>): T => {
  if (!decision.ok) throw new Error(`refused: ${decision.error.kind} ${decision.error.detail}`);
  return decision.value;
};

/** The refusal of a decision the test expects to be refused: its kind, code and fields. */
export const refusal = (decision: Decision<unknown>) => {
  if (decision.ok) throw new Error("the decision was allowed");
  const { kind, code, fields } = decision.error;
  return { kind, code, fields: fields?.map((f) => f.path) };
};

/** Event types in order, each draft checked against its contract as the outbox would. */
export const emitted = (transition: Transition): string[] =>
  transition.events.map((e) => {
    z.parse(e.contract.data, e.data);
    return e.contract.type;
  });

/** The data of the first event of a type. */
export const dataOf = (transition: Transition, type: string): unknown =>
  transition.events.find((e) => e.contract.type === type)?.data;
