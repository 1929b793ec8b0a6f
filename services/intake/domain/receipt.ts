/**
 * Receiving a referral: the report's checks, its unit and age group, its deadlines, and linking
 * it to the person's open referral in the same unit.
 */
import type { Caller } from "../../../shared/domain/caller";
import {
  type Decision,
  DomainError,
  type FieldIssue,
  fail,
  invalid,
  ok,
} from "../../../shared/domain/errors";
import { referralReceived } from "../../../shared/events/catalogue/intake";
import { type IdentityNumber, parseIdentityNumber } from "../../../shared/identity";
import { isKommunkod } from "../../../shared/municipalities";
import type { IsoDate } from "../../../shared/time";
import { type AgeGroup, ageGroupOf, ageOnReceipt, isChild } from "./age";
import { type DeadlineFacts, deadlineOnTrigger, deadlinesOnReceipt } from "./deadlines/schedule";
import {
  draft,
  isActive,
  type Referral,
  type ReporterRole,
  type SourceType,
  type Transition,
} from "./referral";
import { referralFacts } from "./referral-events";
import { type ReferralKind, type RoutingRule, routeReferral, routingTableFor, type Unit } from "./routing";

/**
 * A report as posted: the date received may not lie ahead, the number must be a real personnummer
 * or samordningsnummer on that date, the municipality a real one; then the caller must be allowed
 * to post for it. Bad fields are all named at once, before access is looked at.
 */
export const checkReport = (
  report: {
    readonly municipality: string;
    readonly personalIdentityNumber: string;
    readonly receivedAt?: string;
  },
  caller: Pick<Caller, "municipality">,
  now: Date,
): Decision<{ identity: IdentityNumber; receivedAt: Date }> => {
  const fields: FieldIssue[] = [];
  const receivedAt = report.receivedAt ? new Date(report.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime())
    fields.push({ path: "receivedAt", message: "must not be in the future" });
  const identity = parseIdentityNumber(report.personalIdentityNumber, receivedAt);
  if (!identity) {
    fields.push({
      path: "subject.personalIdentityNumber",
      message: "is not a valid personnummer or samordningsnummer",
    });
  }
  if (!isKommunkod(report.municipality)) {
    fields.push({ path: "municipality", message: "is not a Swedish municipality code" });
  }
  if (fields.length > 0 || !identity) return fail(invalid("Some fields are not valid", fields));
  if (caller.municipality !== undefined && caller.municipality !== report.municipality) {
    return fail(
      new DomainError("forbidden", "The token is not for this municipality", {
        fields: [{ path: "municipality", message: "must be the token's municipality" }],
      }),
    );
  }
  return ok({ identity, receivedAt });
};

export interface Placement {
  readonly unit: Unit;
  readonly ageGroup: AgeGroup;
  readonly child: boolean;
}

/** The unit and age group, from the kind and the age on the Swedish date received; the age itself is dropped. */
export const placeReferral = (
  facts: {
    readonly municipality: string;
    readonly kind: ReferralKind;
    readonly identity: IdentityNumber;
    readonly receivedAt: Date;
    readonly financialAssistance: boolean;
  },
  table: readonly RoutingRule[] = routingTableFor(facts.municipality),
): Placement => {
  const age = ageOnReceipt(facts.identity, facts.receivedAt);
  return {
    unit: routeReferral({ kind: facts.kind, age, financialAssistance: facts.financialAssistance }, table),
    ageGroup: ageGroupOf(age),
    child: isChild(age),
  };
};

/** Everything a new referral is made of, from a report or another service's event; the person only sealed. */
export interface NewReferral {
  readonly id: string;
  readonly municipality: string;
  readonly kind: ReferralKind;
  readonly receivedAt: Date;
  readonly subjectRef: string;
  readonly subjectSealed: string;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
  readonly reporterRole?: ReporterRole;
  readonly summarySealed?: string;
  readonly source?: { readonly type: SourceType; readonly id: string; readonly purpose: string };
  /** A release referral's release date, which sets its plan deadline. */
  readonly releaseDate?: IsoDate;
  readonly sourceUpdatedAt?: string;
}

/** The person's open case in the unit, as read: the referral the row names (if a row exists), and that referral. */
export interface OpenCase {
  readonly namedReferralId?: string;
  readonly referral?: Referral;
}

/**
 * A new referral. If the person's open case in the unit is still active, the new one is linked to
 * it: it keeps its own deadlines, takes that case's caseworker and adds no case. Otherwise it
 * becomes the person's open case there, replacing a closed one the row may still name.
 */
export const receiveReferral = (
  input: NewReferral,
  placement: Placement,
  open: OpenCase,
  actor: string,
  now: Date,
): Transition => {
  const facts: DeadlineFacts = {
    kind: input.kind,
    child: placement.child,
    firstOffence: input.firstOffence,
    financialAssistance: input.financialAssistance,
  };
  const deadlines = deadlinesOnReceipt(facts, input.receivedAt);
  const plan = input.releaseDate ? deadlineOnTrigger("release-date", facts, input.releaseDate) : undefined;
  if (plan) deadlines.push(plan);
  const linkTo = open.referral && isActive(open.referral) ? open.referral : undefined;
  const receivedAt = input.receivedAt.toISOString();
  const referral: Referral = {
    id: input.id,
    municipality: input.municipality,
    kind: input.kind,
    unit: placement.unit,
    ageGroup: placement.ageGroup,
    status: "open",
    receivedAt,
    updatedAt: now.toISOString(),
    subjectRef: input.subjectRef,
    subjectSealed: input.subjectSealed,
    firstOffence: input.firstOffence,
    financialAssistance: input.financialAssistance,
    ...(input.reporterRole ? { reporterRole: input.reporterRole } : {}),
    ...(input.summarySealed ? { summarySealed: input.summarySealed } : {}),
    ...(input.source ? { source: { type: input.source.type, id: input.source.id } } : {}),
    ...(input.sourceUpdatedAt ? { sourceUpdatedAt: input.sourceUpdatedAt } : {}),
    ...(linkTo ? { linkedReferralId: linkTo.id } : {}),
    ...(linkTo?.assignee ? { assignee: linkTo.assignee } : {}),
    deadlines,
    version: 0,
  };
  const received = draft(referralReceived, {
    ...referralFacts(referral),
    receivedAt,
    subjectRef: referral.subjectRef,
    firstOffence: referral.firstOffence,
    ...(referral.reporterRole ? { reporterRole: referral.reporterRole } : {}),
    ...(referral.source ? { source: referral.source } : {}),
    ...(referral.linkedReferralId ? { linkedReferralId: referral.linkedReferralId } : {}),
    deadlines: referral.deadlines.map((d) => ({ type: d.type, dueAt: d.dueAt })),
  });
  return {
    referral,
    expectedVersion: undefined,
    events: [received],
    audit: [{ referralId: referral.id, action: "create", actor, at: now }],
    ...(linkTo
      ? {}
      : {
          openCase: {
            kind: "claim" as const,
            ...(open.namedReferralId ? { replacing: open.namedReferralId } : {}),
          },
        }),
    ...(input.source ? { claimsSource: input.source } : {}),
  };
};
