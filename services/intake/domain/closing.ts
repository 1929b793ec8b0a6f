/** Ending a referral: by staff with a reason, or because its release notice was withdrawn. */
import { conflict, type Decision, fail, ok } from "../../../shared/domain/errors";
import { referralClosed } from "../../../shared/events/catalogue/intake";
import { completeDeadlines, type Deadline } from "./deadlines/states";
import {
  type CaseloadChange,
  type CloseReason,
  countsTowardCaseload,
  decisionDue,
  draft,
  type Referral,
  requireActive,
  revise,
  type Transition,
} from "./referral";
import { breachDraft, referralFacts } from "./referral-events";

/** A plan, or an investigation concluded, is done when the referral ends with it; a withdrawal does nothing. */
const endsWithClosing = (reason: CloseReason) => (d: Deadline) =>
  reason !== "withdrawn" &&
  ((d.type === "investigation" && reason === "investigation-concluded") || d.type === "release-plan");

/** Reasons that say why no förhandsbedömning is due: the report lives on in another, or was taken back. */
const NO_DECISION_NEEDED: readonly CloseReason[] = ["merged", "withdrawn"];

/**
 * A child's report may not be closed while its decision whether to investigate is due, unless the
 * reason says why none is: otherwise the förhandsbedömning would silently never happen.
 */
const requireDecisionOrReason = (current: Referral, reason: CloseReason): Decision<void> =>
  decisionDue(current) && !NO_DECISION_NEEDED.includes(reason)
    ? fail(
        conflict(
          "A child's report needs its decision whether to open an investigation recorded before it is closed, unless it was merged into another referral or withdrawn",
          "decision-required",
        ),
      )
    : ok(undefined);

/**
 * Closed (or withdrawn): the person's open case in the unit is freed unless this referral was
 * only linked to it, and its caseworker's caseload drops by the case it counted for.
 */
export const closeReferral = (
  current: Referral,
  closing: { readonly reason: CloseReason; readonly noteSealed?: string },
  actor: string,
  now: Date,
): Decision<Transition> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  const { reason } = closing;
  const decided = requireDecisionOrReason(current, reason);
  if (!decided.ok) return decided;
  const done = completeDeadlines(current.deadlines, endsWithClosing(reason), now);
  const referral = revise(
    current,
    {
      deadlines: done.deadlines,
      status: reason === "withdrawn" ? "withdrawn" : "closed",
      closure: {
        at: now.toISOString(),
        by: actor,
        reason,
        ...(closing.noteSealed ? { noteSealed: closing.noteSealed } : {}),
      },
    },
    now,
  );
  const caseload: CaseloadChange[] =
    current.assignee && countsTowardCaseload(current) ? [{ caseworkerId: current.assignee, delta: -1 }] : [];
  const closed = draft(referralClosed, {
    ...referralFacts(referral),
    receivedAt: referral.receivedAt,
    closedAt: now.toISOString(),
    reason,
  });
  return ok({
    referral,
    expectedVersion: current.version,
    events: [...done.breached.map((d) => breachDraft(current, d, now)), closed],
    audit: [{ referralId: current.id, action: `close:${reason}`, actor, at: now }],
    caseload,
    ...(current.linkedReferralId === undefined ? { openCase: { kind: "release" as const } } : {}),
  });
};
