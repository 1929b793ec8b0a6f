/**
 * What the rules table means: which rows apply to a referral, which version is in force on a
 * date, and the instant each deadline falls due. Pure; the table itself is `rules.ts`.
 */
import {
  addCalendarDays,
  addCalendarMonths,
  type IsoDate,
  startOfStockholmDay,
  stockholmDate,
} from "../../../../shared/time";
import type { ReferralKind } from "../routing";
import { DEADLINE_RULES, type DeadlineRule, type DeadlineType, type Due, type Trigger } from "./rules";
import { type Deadline, openDeadline } from "./states";

/** The facts a rule may look at; none of them is personal. */
export interface DeadlineFacts {
  readonly kind: ReferralKind;
  /** Under 18 on the Swedish date the referral was received. */
  readonly child: boolean;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
}

const applies = (rule: DeadlineRule, facts: DeadlineFacts): boolean => {
  const a = rule.applies;
  return (
    (a.child === undefined || a.child === facts.child) &&
    (a.kinds === undefined || a.kinds.includes(facts.kind)) &&
    (a.notKinds === undefined || !a.notKinds.includes(facts.kind)) &&
    (a.firstOffence === undefined || a.firstOffence === facts.firstOffence) &&
    (a.financialAssistance === undefined || a.financialAssistance === facts.financialAssistance)
  );
};

/** The version of each rule in force on `date`: the latest `effectiveFrom` not after it. */
export const rulesInForce = (
  trigger: Trigger,
  date: IsoDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): DeadlineRule[] => {
  const byType = new Map<DeadlineType, DeadlineRule>();
  for (const rule of rules) {
    if (rule.trigger !== trigger || rule.effectiveFrom > date) continue;
    const held = byType.get(rule.type);
    if (!held || held.effectiveFrom <= rule.effectiveFrom) byType.set(rule.type, rule);
  }
  return [...byType.values()];
};

/** The instant a rule's deadline falls due for a trigger at `at` (an instant, or a date for `start-of-day`). */
export const dueAtFor = (due: Due, at: Date | IsoDate): Date => {
  const date = typeof at === "string" ? at : stockholmDate(at);
  switch (due.kind) {
    case "end-of-day":
      return startOfStockholmDay(addCalendarDays(date, due.days + 1));
    case "end-of-day-after-months":
      return startOfStockholmDay(addCalendarDays(addCalendarMonths(date, due.months), 1));
    case "hours":
      if (typeof at === "string") throw new Error("an hours rule needs an instant");
      return new Date(at.getTime() + due.hours * 3_600_000);
    case "start-of-day":
      return startOfStockholmDay(date);
  }
};

/** The deadlines a referral gets on receipt. */
export const deadlinesOnReceipt = (
  facts: DeadlineFacts,
  receivedAt: Date,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): Deadline[] =>
  rulesInForce("received", stockholmDate(receivedAt), rules)
    .filter((rule) => applies(rule, facts))
    .map((rule) => openDeadline(rule.type, dueAtFor(rule.due, receivedAt)));

/** The deadline a later trigger sets (an opened investigation, a release date), if a rule applies. */
export const deadlineOnTrigger = (
  trigger: Exclude<Trigger, "received">,
  facts: DeadlineFacts,
  at: Date | IsoDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): Deadline | undefined => {
  const date = typeof at === "string" ? at : stockholmDate(at);
  const rule = rulesInForce(trigger, date, rules).find((r) => applies(r, facts));
  return rule ? openDeadline(rule.type, dueAtFor(rule.due, at)) : undefined;
};
