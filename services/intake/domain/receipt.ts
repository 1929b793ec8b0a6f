/**
 * Receiving a referral: its unit and age group, its deadlines, and linking it to the person's
 * open referral in the same unit (the report's checks are `report-checks.ts`).
 */
import { referralReceived } from "../../../shared/events/catalogue/intake";
import type { IsoDate } from "../../../shared/time";
import { type AgeGroup, ageGroupOf, isChild } from "./age";
import { type DeadlineFacts, deadlineOnTrigger, deadlinesOnReceipt } from "./deadlines/schedule";
import {
  draft,
  isActive,
  type Recorded,
  type Referral,
  type ReporterRole,
  type SourceType,
  type Transition,
} from "./referral";
import { referralFacts } from "./referral-events";
import { researchSample } from "./retention";
import { type ReferralKind, type RoutingRule, routeReferral, routingTableFor, type Unit } from "./routing";

export interface Placement {
  readonly unit: Unit;
  readonly ageGroup: AgeGroup;
  readonly child: boolean;
}

/**
 * The unit and age group, from the kind and the (approximate) age on the Swedish date received
 * (see `subject.ts`); the age itself is dropped.
 */
export const placeReferral = (
  facts: {
    readonly municipality: string;
    readonly kind: ReferralKind;
    readonly age: number;
    readonly financialAssistance: boolean;
  },
  table: readonly RoutingRule[] = routingTableFor(facts.municipality),
): Placement => ({
  unit: routeReferral(
    { kind: facts.kind, age: facts.age, financialAssistance: facts.financialAssistance },
    table,
  ),
  ageGroup: ageGroupOf(facts.age),
  child: isChild(facts.age),
});

/** Everything a new referral is made of, from a report or another service's event; the person only sealed. */
export interface NewReferral {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ReferralKind;
  readonly receivedAt: Date;
  /** The keyed hash of the number; for a person not identified, a placeholder that links nothing. */
  readonly subjectRef: string;
  /** The number, sealed; absent for a person not identified, who has `unidentifiedSealed` instead. */
  readonly subjectSealed?: string;
  readonly unidentifiedSealed?: string;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
  readonly reporterRole?: ReporterRole;
  readonly reporterSealed?: string;
  readonly guardiansSealed?: string;
  readonly summarySealed?: string;
  readonly backdatedReasonSealed?: string;
  readonly groupId?: string;
  /** Marked by the reporter: suspected violence against the child by someone close. */
  readonly closeRelativeViolence?: Recorded;
  readonly source?: { readonly type: SourceType; readonly id: string; readonly purpose: string };
  /** A release referral's release date, which sets its plan deadline. */
  readonly releaseDate?: IsoDate;
  readonly sourceUpdatedAt?: string;
  /** The person's real birth date, only to decide the research exception; never stored. */
  readonly birthDate?: IsoDate;
}

/** The person's open case in the unit, as read: the referral the row names (if a row exists), and that referral. */
export interface OpenCase {
  readonly namedReferralId?: string;
  readonly referral?: Referral;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * A new referral. If the person's open case in the unit is still active, the new one is linked to
 * it: it takes that case's caseworker and adds no case, and keeps its own deadlines, except that a
 * report about a child added to an investigation already under way needs no förhandsbedömning.
 * Otherwise it becomes the person's open case there, replacing a closed one the row may still
 * name. A person not yet identified is linked to nobody (`identify` does it later). An
 * application opens its investigation at once.
 */
export const receiveReferral = (
  input: NewReferral,
  placement: Placement,
  open: OpenCase,
  actor: string,
  now: Date,
): Transition => {
  const identified = input.subjectSealed !== undefined;
  const linkTo = identified && open.referral && isActive(open.referral) ? open.referral : undefined;
  const joinsInvestigation = placement.child && linkTo?.status === "investigating";
  const facts: DeadlineFacts = {
    kind: input.kind,
    child: placement.child,
    firstOffence: input.firstOffence,
    financialAssistance: input.financialAssistance,
    joinsInvestigation,
    closeRelativeViolence: input.closeRelativeViolence !== undefined,
  };
  const deadlines = deadlinesOnReceipt(facts, input.receivedAt);
  const plan = input.releaseDate ? deadlineOnTrigger("release-date", facts, input.releaseDate) : undefined;
  if (plan) deadlines.push(plan);
  const receivedAt = input.receivedAt.toISOString();
  const referral: Referral = {
    id: input.id,
    municipality: input.municipality,
    kind: input.kind,
    unit: placement.unit,
    ageGroup: placement.ageGroup,
    status: input.kind === "application" ? "investigating" : "open",
    receivedAt,
    updatedAt: now.toISOString(),
    subjectRef: input.subjectRef,
    ...optional("subjectSealed", input.subjectSealed),
    ...(researchSample(input.municipality, input.birthDate) ? { keptForResearch: true as const } : {}),
    ...(identified ? {} : { identity: "unknown" as const }),
    ...optional("unidentifiedSealed", input.unidentifiedSealed),
    ...optional("groupId", input.groupId),
    firstOffence: input.firstOffence,
    financialAssistance: input.financialAssistance,
    ...optional("reporterRole", input.reporterRole),
    ...optional("reporterSealed", input.reporterSealed),
    ...optional("guardiansSealed", input.guardiansSealed),
    ...optional("summarySealed", input.summarySealed),
    ...optional("backdatedReasonSealed", input.backdatedReasonSealed),
    ...optional("closeRelativeViolence", input.closeRelativeViolence),
    ...(input.source ? { source: { type: input.source.type, id: input.source.id } } : {}),
    ...optional("sourceUpdatedAt", input.sourceUpdatedAt),
    ...(linkTo ? { linkedReferralId: linkTo.id } : {}),
    ...(joinsInvestigation ? { joinedInvestigation: true } : {}),
    ...optional("assignee", linkTo?.assignee),
    deadlines,
    version: 0,
  };
  const received = draft(referralReceived, {
    ...referralFacts(referral),
    receivedAt,
    subjectRef: referral.subjectRef,
    firstOffence: referral.firstOffence,
    ...optional("reporterRole", referral.reporterRole),
    ...optional("source", referral.source),
    ...optional("linkedReferralId", referral.linkedReferralId),
    ...optional("identity", referral.identity),
    ...optional("groupId", referral.groupId),
    deadlines: referral.deadlines.map((d) => ({ type: d.type, dueAt: d.dueAt })),
  });
  return {
    referral,
    expectedVersion: undefined,
    events: [received],
    audit: [{ referralId: referral.id, action: "create", actor, at: now }],
    ...(identified && !linkTo
      ? { openCase: { kind: "claim" as const, ...optional("replacing", open.namedReferralId) } }
      : {}),
    ...(linkTo
      ? { linkRow: { openReferralId: linkTo.id, referralId: referral.id, kind: referral.kind, receivedAt } }
      : {}),
    ...(input.source ? { claimsSource: input.source } : {}),
  };
};
