/**
 * The steps staff record on an active referral: the protection assessment (skyddsbedömning), the
 * decision whether to open an investigation (förhandsbedömning) and the conversation after a
 * youth's first offence. Each step meets its deadline, once; one done late is its breach.
 */
import { conflict, type Decision, fail, ok } from "../../../shared/domain/errors";
import { referralAssessed } from "../../../shared/events/catalogue/intake";
import type { DeadlineType } from "./deadlines/rules";
import { deadlineOnTrigger } from "./deadlines/schedule";
import { completeDeadlines, type Deadline } from "./deadlines/states";
import {
  deadlineFactsOf,
  draft,
  type EventDraft,
  type Referral,
  requireActive,
  revise,
  type Transition,
} from "./referral";
import { breachDraft, referralFacts } from "./referral-events";
import { investigationTarget, NO_TARGET, type TargetPolicy } from "./targets";
import { requireInvestigationIfViolence } from "./violence";

const alreadyRecorded = (what: string) =>
  fail<Transition>(conflict(`${what} is already recorded`, "already-recorded"));

/** The step's deadline done at `now`: the new deadlines, its due time (if it had one) and any breach it reveals. */
const completeStep = (referral: Referral, type: DeadlineType, now: Date) => {
  const done = completeDeadlines(referral.deadlines, (d) => d.type === type, now);
  return {
    deadlines: done.deadlines,
    dueAt: done.completed.at(-1)?.dueAt,
    breaches: done.breached.map((d) => breachDraft(referral, d, now)),
  };
};

const assessedBase = (referral: Referral, dueAt: string | undefined, now: Date) => ({
  ...referralFacts(referral),
  receivedAt: referral.receivedAt,
  assessedAt: now.toISOString(),
  ...(dueAt ? { dueAt } : {}),
});

const stepTransition = (
  current: Referral,
  referral: Referral,
  events: readonly EventDraft[],
  action: string,
  actor: string,
  now: Date,
): Transition => ({
  referral,
  expectedVersion: current.version,
  events,
  audit: [{ referralId: current.id, action, actor, at: now }],
});

export const recordProtectionAssessment = (
  current: Referral,
  step: { readonly immediateProtectionNeeded: boolean; readonly noteSealed?: string },
  actor: string,
  now: Date,
): Decision<Transition> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  if (current.protectionAssessment) return alreadyRecorded("A protection assessment");
  const done = completeStep(current, "protection-assessment", now);
  const referral = revise(
    current,
    {
      deadlines: done.deadlines,
      protectionAssessment: {
        at: now.toISOString(),
        by: actor,
        immediateProtectionNeeded: step.immediateProtectionNeeded,
        ...(step.noteSealed ? { noteSealed: step.noteSealed } : {}),
      },
    },
    now,
  );
  const assessed = draft(referralAssessed, {
    ...assessedBase(referral, done.dueAt, now),
    assessment: "protection-assessment",
    immediateProtectionNeeded: step.immediateProtectionNeeded,
  });
  return ok(
    stepTransition(current, referral, [...done.breaches, assessed], "protection-assessment", actor, now),
  );
};

/** Why no förhandsbedömning is due for this referral, if none is. */
const noDecisionDue = (current: Referral): string | undefined => {
  if (current.kind === "application") {
    return "An application opens an investigation at once: no decision whether to investigate is due";
  }
  if (current.joinedInvestigation) {
    return "The report was added to the investigation under way about the child: no decision of its own is due";
  }
  return undefined;
};

/**
 * The förhandsbedömning. Opening an investigation about a child starts its four months from
 * today; an adult's investigation has no statutory period, only the municipality's own target if
 * it set one (`targetPolicy`, none by default), which is never a deadline.
 */
export const recordDecision = (
  current: Referral,
  step: { readonly openInvestigation: boolean; readonly reasonSealed: string },
  actor: string,
  now: Date,
  targetPolicy: TargetPolicy | undefined = NO_TARGET,
): Decision<Transition> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  const notDue = noDecisionDue(current);
  if (notDue) return fail(conflict(notDue, "not-applicable"));
  if (current.decision) return alreadyRecorded("A decision");
  const violence = requireInvestigationIfViolence(current, step.openInvestigation);
  if (!violence.ok) return violence;
  const done = completeStep(current, "pre-assessment", now);
  const investigation: Deadline | undefined = step.openInvestigation
    ? deadlineOnTrigger("investigation-opened", deadlineFactsOf(current), now)
    : undefined;
  const target =
    step.openInvestigation && !investigation ? investigationTarget(targetPolicy, now) : undefined;
  const referral = revise(
    current,
    {
      deadlines: investigation ? [...done.deadlines, investigation] : done.deadlines,
      status: step.openInvestigation ? "investigating" : current.status,
      ...(target ? { target } : {}),
      decision: {
        at: now.toISOString(),
        by: actor,
        openInvestigation: step.openInvestigation,
        reasonSealed: step.reasonSealed,
      },
    },
    now,
  );
  const assessed = draft(referralAssessed, {
    ...assessedBase(referral, done.dueAt, now),
    assessment: "pre-assessment",
    openInvestigation: step.openInvestigation,
    ...(investigation ? { investigationDueAt: investigation.dueAt } : {}),
  });
  return ok(stepTransition(current, referral, [...done.breaches, assessed], "decision", actor, now));
};

/** Only a referral with a first-offence conversation deadline has a conversation to record. */
export const recordConversation = (
  current: Referral,
  step: { readonly noteSealed?: string },
  actor: string,
  now: Date,
): Decision<Transition> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  if (!current.deadlines.some((d) => d.type === "first-offence-conversation")) {
    return fail(conflict("No first-offence conversation is due for this referral", "not-applicable"));
  }
  if (current.firstOffenceConversation) return alreadyRecorded("The conversation");
  const done = completeStep(current, "first-offence-conversation", now);
  const referral = revise(
    current,
    {
      deadlines: done.deadlines,
      firstOffenceConversation: {
        at: now.toISOString(),
        by: actor,
        ...(step.noteSealed ? { noteSealed: step.noteSealed } : {}),
      },
    },
    now,
  );
  const assessed = draft(referralAssessed, {
    ...assessedBase(referral, done.dueAt, now),
    assessment: "first-offence-conversation",
  });
  return ok(
    stepTransition(current, referral, [...done.breaches, assessed], "first-offence-conversation", actor, now),
  );
};
