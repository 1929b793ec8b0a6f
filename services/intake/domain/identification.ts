/**
 * Staff identify a person a report named only by name and age: the referral gets the number
 * (sealed) and its keyed hash, and is then linked like any other referral to the person's open
 * case in its unit, or becomes that case. The unit, age group and deadlines stay as the report
 * was received: they are what the law attached to the report when it came in.
 */
import { conflict, type Decision, fail, ok } from "../../../shared/domain/errors";
import type { IsoDate } from "../../../shared/time";
import { isChildGroup } from "./age";
import { isRunning } from "./deadlines/states";
import type { OpenCase } from "./receipt";
import {
  type CaseloadChange,
  countsTowardCaseload,
  isActive,
  type Referral,
  revise,
  type Transition,
} from "./referral";
import { researchSample } from "./retention";

export const identifyReferral = (
  current: Referral,
  person: { readonly subjectRef: string; readonly subjectSealed: string; readonly birthDate?: IsoDate },
  open: OpenCase,
  actor: string,
  now: Date,
): Decision<Transition> => {
  if (current.identity !== "unknown") {
    return fail(conflict("The person in this referral is already identified", "already-identified"));
  }
  const { identity: _unknown, ...known } = current;
  const identified = {
    ...known,
    subjectRef: person.subjectRef,
    subjectSealed: person.subjectSealed,
    ...(researchSample(current.municipality, person.birthDate) ? { keptForResearch: true as const } : {}),
  };
  const audit = [{ referralId: current.id, action: "identify", actor, at: now }];
  if (!isActive(current)) {
    return ok({ referral: revise(identified, {}, now), expectedVersion: current.version, events: [], audit });
  }
  const linkTo =
    open.referral && isActive(open.referral) && open.referral.id !== current.id ? open.referral : undefined;
  if (!linkTo) {
    return ok({
      referral: revise(identified, {}, now),
      expectedVersion: current.version,
      events: [],
      audit,
      openCase: { kind: "claim", ...(open.namedReferralId ? { replacing: open.namedReferralId } : {}) },
    });
  }
  // Now known to be about a child in an investigation under way: its own förhandsbedömning is not due.
  const joins = isChildGroup(current.ageGroup) && linkTo.status === "investigating";
  const deadlines = joins
    ? current.deadlines.filter(
        (d) => !(d.type === "pre-assessment" && d.doneAt === undefined && isRunning(d)),
      )
    : current.deadlines;
  const caseload: CaseloadChange[] =
    current.assignee && countsTowardCaseload(current) ? [{ caseworkerId: current.assignee, delta: -1 }] : [];
  const assignee = linkTo.assignee ?? current.assignee;
  return ok({
    referral: revise(
      identified,
      {
        linkedReferralId: linkTo.id,
        deadlines,
        ...(joins && deadlines.length !== current.deadlines.length ? { joinedInvestigation: true } : {}),
        ...(assignee ? { assignee } : {}),
      },
      now,
    ),
    expectedVersion: current.version,
    events: [],
    audit,
    caseload,
    linkRow: {
      openReferralId: linkTo.id,
      referralId: current.id,
      kind: current.kind,
      receivedAt: current.receivedAt,
    },
  });
};
