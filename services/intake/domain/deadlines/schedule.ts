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
import { onOrNextWorkday } from "./calendar";
import {
  DEADLINE_RULES,
  type DeadlineRule,
  type DeadlineType,
  type Due,
  type LastDayOff,
  type Trigger,
} from "./rules";
import { type Deadline, openDeadline } from "./states";

/** The facts a rule may look at; none of them is personal. */
export interface DeadlineFacts {
  readonly kind: ReferralKind;
  /** Under 18 on the Swedish date the referral was received. */
  readonly child: boolean;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
  /** Added to an investigation already under way about the child. */
  readonly joinsInvestigation?: boolean;
  /** Suspected violence against the child by someone close, as the reporter or staff marked it. */
  readonly closeRelativeViolence?: boolean;
}

const applies = (rule: DeadlineRule, facts: DeadlineFacts): boolean => {
  const a = rule.applies;
  return (
    (a.child === undefined || a.child === facts.child) &&
    (a.kinds === undefined || a.kinds.includes(facts.kind)) &&
    (a.notKinds === undefined || !a.notKinds.includes(facts.kind)) &&
    (a.firstOffence === undefined || a.firstOffence === facts.firstOffence) &&
    (a.financialAssistance === undefined || a.financialAssistance === facts.financialAssistance) &&
    (a.joinsInvestigation === undefined || a.joinsInvestigation === (facts.joinsInvestigation ?? false)) &&
    (a.closeRelativeViolence === undefined ||
      a.closeRelativeViolence === (facts.closeRelativeViolence ?? false))
  );
};

const keyOf = (rule: DeadlineRule) => `${rule.type}/${rule.variant ?? ""}`;

/** The version of each rule (type and variant) in force on `date`: the latest `effectiveFrom` not after it. */
export const rulesInForce = (
  trigger: Trigger,
  date: IsoDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): DeadlineRule[] => {
  const byKey = new Map<string, DeadlineRule>();
  for (const rule of rules) {
    if (rule.trigger !== trigger || rule.effectiveFrom > date) continue;
    const held = byKey.get(keyOf(rule));
    if (!held || held.effectiveFrom <= rule.effectiveFrom) byKey.set(keyOf(rule), rule);
  }
  return [...byKey.values()];
};

const NO_MOVE: LastDayOff = { moves: false, because: "" };

/**
 * The instant a rule's deadline falls due for a trigger at `at` (an instant, or a date for
 * `start-of-day`). A period's last day that falls on a day off moves to the next weekday when
 * the row says lagen (1930:173) 2 § reaches it.
 */
export const dueAtFor = (due: Due, at: Date | IsoDate, lastDayOff: LastDayOff = NO_MOVE): Date => {
  const date = typeof at === "string" ? at : stockholmDate(at);
  const endOf = (lastDay: IsoDate) =>
    startOfStockholmDay(addCalendarDays(lastDayOff.moves ? onOrNextWorkday(lastDay) : lastDay, 1));
  switch (due.kind) {
    case "end-of-day":
      return endOf(addCalendarDays(date, due.days));
    case "end-of-day-after-months":
      return endOf(addCalendarMonths(date, due.months));
    case "hours":
      if (typeof at === "string") throw new Error("an hours rule needs an instant");
      return new Date(at.getTime() + due.hours * 3_600_000);
    case "start-of-day":
      return startOfStockholmDay(date);
  }
};

const deadlineOf = (rule: DeadlineRule, at: Date | IsoDate): Deadline =>
  openDeadline(rule.type, dueAtFor(rule.due, at, rule.lastDayOff));

/** The deadlines a referral gets on receipt. */
export const deadlinesOnReceipt = (
  facts: DeadlineFacts,
  receivedAt: Date,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): Deadline[] =>
  rulesInForce("received", stockholmDate(receivedAt), rules)
    .filter((rule) => applies(rule, facts))
    .map((rule) => deadlineOf(rule, receivedAt));

/** The deadline a later trigger sets (an opened investigation, a release date), if a rule applies. */
export const deadlineOnTrigger = (
  trigger: Exclude<Trigger, "received">,
  facts: DeadlineFacts,
  at: Date | IsoDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): Deadline | undefined => {
  const date = typeof at === "string" ? at : stockholmDate(at);
  const rule = rulesInForce(trigger, date, rules).find((r) => applies(r, facts));
  return rule ? deadlineOf(rule, at) : undefined;
};

/** The one deadline of `type` a referral would get on receipt, recomputed (e.g. when a mark changes). */
export const receiptDeadlineOf = (
  type: DeadlineType,
  facts: DeadlineFacts,
  receivedAt: Date,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): Deadline | undefined => deadlinesOnReceipt(facts, receivedAt, rules).find((d) => d.type === type);

/**
 * The first date from which every rule a receipt with these facts falls under is in force, if a
 * receipt on `date` would come before it: a report dated back that far cannot be given the
 * deadlines the law sets for it today.
 */
export const rulesNotYetInForce = (
  facts: DeadlineFacts,
  date: IsoDate,
  rules: readonly DeadlineRule[] = DEADLINE_RULES,
): IsoDate | undefined => {
  const earliestByKey = new Map<string, IsoDate>();
  for (const rule of rules) {
    if (rule.trigger !== "received" || !applies(rule, facts)) continue;
    const held = earliestByKey.get(keyOf(rule));
    if (!held || rule.effectiveFrom < held) earliestByKey.set(keyOf(rule), rule.effectiveFrom);
  }
  const latestStart = [...earliestByKey.values()].sort().at(-1);
  return latestStart !== undefined && date < latestStart ? latestStart : undefined;
};
