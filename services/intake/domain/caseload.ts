/**
 * Assigning a referral to a caseworker of its unit, named by staff or suggested by caseload. A
 * referral linked to the person's open one is the same case: it moves no caseload.
 */
import { conflict, type Decision, fail, ok, unprocessable } from "../../../shared/domain/errors";
import { referralAssigned } from "../../../shared/events/catalogue/intake";
import {
  type CaseloadChange,
  countsTowardCaseload,
  draft,
  type Referral,
  requireActive,
  revise,
  type Transition,
} from "./referral";
import { referralFacts } from "./referral-events";

export interface Caseworker {
  readonly caseworkerId: string;
  readonly capacity: number;
  readonly caseload: number;
}

/**
 * The caseworker with the lowest caseload relative to capacity; ties go to the smaller caseload,
 * then the id, so the choice is stable. Nobody with a capacity of 0 is suggested.
 */
export const suggestCaseworker = <C extends Caseworker>(caseworkers: readonly C[]): C | undefined =>
  [...caseworkers]
    .filter((c) => c.capacity > 0)
    .sort(
      (a, b) =>
        a.caseload / a.capacity - b.caseload / b.capacity ||
        a.caseload - b.caseload ||
        (a.caseworkerId < b.caseworkerId ? -1 : 1),
    )[0];

/**
 * `requested` names a caseworker (who must be among `candidates`, the unit's caseworkers as read);
 * without one the lightest caseload is chosen. Assigning the caseworker it already has changes
 * nothing (undefined).
 */
export const assignCaseworker = (
  current: Referral,
  choice: { readonly requested?: string; readonly candidates: readonly Caseworker[] },
  actor: string,
  now: Date,
): Decision<Transition | undefined> => {
  const active = requireActive(current);
  if (!active.ok) return active;
  let chosen: string;
  if (choice.requested !== undefined) {
    const found = choice.candidates.find((c) => c.caseworkerId === choice.requested);
    if (!found) {
      return fail(
        unprocessable("No caseworker with this id in the referral's unit", {
          fields: [{ path: "caseworkerId", message: "is not a caseworker in the referral's unit" }],
        }),
      );
    }
    chosen = found.caseworkerId;
  } else {
    const suggestion = suggestCaseworker(choice.candidates);
    if (!suggestion) return fail(conflict("The unit has no caseworker with capacity", "no-caseworker"));
    chosen = suggestion.caseworkerId;
  }
  if (current.assignee === chosen) return ok(undefined);
  const referral = revise(current, { assignee: chosen }, now);
  const caseload: CaseloadChange[] = [];
  if (countsTowardCaseload(current)) {
    caseload.push({ caseworkerId: chosen, delta: 1 });
    if (current.assignee) caseload.push({ caseworkerId: current.assignee, delta: -1 });
  }
  const assigned = draft(referralAssigned, {
    ...referralFacts(referral),
    assignedAt: now.toISOString(),
    caseworkerId: chosen,
    ...(current.assignee ? { previousCaseworkerId: current.assignee } : {}),
    suggested: choice.requested === undefined,
  });
  return ok({
    referral,
    expectedVersion: current.version,
    events: [assigned],
    audit: [{ referralId: current.id, action: "assign", actor, at: now }],
    caseload,
  });
};
