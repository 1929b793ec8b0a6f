/** The events a referral's decisions emit, as drafts: the facts every referral event repeats, and a breach. */
import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import type { Deadline } from "./deadlines/states";
import { draft, type EventDraft, type Referral } from "./referral";

/** Repeated on every referral event, so that a consumer can count it without keeping the referral. */
export const referralFacts = (referral: Referral) => ({
  referralId: referral.id,
  kind: referral.kind,
  unit: referral.unit,
  ageGroup: referral.ageGroup,
});

/** One `deadline.breached`: by the sweep, or by a step done late before the sweep had caught it. */
export const breachDraft = (referral: Referral, deadline: Deadline, now: Date): EventDraft =>
  draft(deadlineBreached, {
    service: "intake",
    subject: { type: "referral", id: referral.id },
    deadline: deadline.type,
    dueAt: deadline.dueAt,
    breachedAt: now.toISOString(),
  });
