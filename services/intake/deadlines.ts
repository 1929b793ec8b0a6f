import type { REFERRAL_DEADLINE_TYPES } from "../../shared/events/catalogue/intake";
import {
  addCalendarDays,
  addCalendarMonths,
  type IsoDate,
  startOfStockholmDay,
  stockholmDate,
} from "../../shared/time";
import type { ReferralKind } from "./routing";

export type DeadlineType = (typeof REFERRAL_DEADLINE_TYPES)[number];
export type DeadlineState = "open" | "met" | "breached";

/** What starts a deadline's clock. */
export type Trigger = "received" | "investigation-opened" | "release-date";

/**
 * How the due time follows from the trigger. Days and months count Swedish calendar dates and
 * end when the last day ends (00:00 Europe/Stockholm the day after, CET or CEST); hours are
 * elapsed hours, so 48 hours across a DST switch shows 47 or 49 on the wall clock.
 */
export type Due =
  | { readonly kind: "end-of-day"; readonly days: number }
  | { readonly kind: "end-of-day-after-months"; readonly months: number }
  | { readonly kind: "hours"; readonly hours: number }
  /** The trigger is a date; due when that day begins (people are released in the morning). */
  | { readonly kind: "start-of-day" };

/** Which referrals a rule applies to; every condition given must hold. */
export interface Applies {
  readonly child?: boolean;
  readonly kinds?: readonly ReferralKind[];
  readonly notKinds?: readonly ReferralKind[];
  readonly firstOffence?: boolean;
  readonly financialAssistance?: boolean;
}

export interface DeadlineRule {
  readonly type: DeadlineType;
  readonly trigger: Trigger;
  /** The rule governs triggers on or after this Swedish date, until a later row for the type takes over. */
  readonly effectiveFrom: IsoDate;
  readonly due: Due;
  readonly applies: Applies;
  /** Where the rule comes from, for whoever checks the table against the law. */
  readonly basis: string;
}

const CURRENT: readonly DeadlineRule[] = [
  {
    type: "protection-assessment",
    trigger: "received",
    effectiveFrom: "2025-07-01",
    due: { kind: "end-of-day", days: 1 },
    applies: { child: true, notKinds: ["release"], financialAssistance: false },
    basis: "SoL (2025:400): skyddsbedömning the same or the next day",
  },
  {
    type: "pre-assessment",
    trigger: "received",
    effectiveFrom: "2025-07-01",
    due: { kind: "end-of-day", days: 14 },
    applies: { child: true, notKinds: ["release"], financialAssistance: false },
    basis: "SoL (2025:400): förhandsbedömning within 14 days",
  },
  {
    type: "first-offence-conversation",
    trigger: "received",
    effectiveFrom: "2025-07-01",
    due: { kind: "hours", hours: 48 },
    applies: { child: true, kinds: ["police"], firstOffence: true },
    basis: "a conversation with a youth within 48 hours of a police referral of a first offence",
  },
  {
    type: "investigation",
    trigger: "investigation-opened",
    effectiveFrom: "2025-07-01",
    due: { kind: "end-of-day-after-months", months: 4 },
    applies: {},
    basis: "SoL (2025:400): an investigation concluded within four months",
  },
  {
    type: "release-plan",
    trigger: "release-date",
    effectiveFrom: "2025-07-01",
    due: { kind: "start-of-day" },
    applies: { kinds: ["release"] },
    basis: "agreement with Kriminalvården: a plan ready by the release date",
  },
];

/**
 * The rules as data, every version of them. Before 1 July 2025 the old Socialtjänstlag
 * (2001:453) governed with the same periods; a change in the law is a new row with its own
 * `effectiveFrom`, and a referral keeps the rule in force on its trigger's date.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  ...CURRENT.map((rule) => ({
    ...rule,
    effectiveFrom: "2002-01-01",
    basis: `SoL (2001:453) era: ${rule.basis}`,
  })),
  ...CURRENT,
];

/** The facts a rule may look at; none of them is personal beyond the age on receipt. */
export interface DeadlineFacts {
  readonly kind: ReferralKind;
  readonly age: number;
  readonly firstOffence: boolean;
  readonly financialAssistance: boolean;
}

const applies = (rule: DeadlineRule, facts: DeadlineFacts): boolean => {
  const a = rule.applies;
  return (
    (a.child === undefined || a.child === facts.age < 18) &&
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

export interface Deadline {
  readonly type: DeadlineType;
  readonly dueAt: string;
  readonly state: DeadlineState;
  /** When the step was done, met or not; absent while it is still to do. */
  readonly doneAt?: string;
}

const openDeadline = (type: DeadlineType, dueAt: Date): Deadline => ({
  type,
  dueAt: dueAt.toISOString(),
  state: "open",
});

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

/** A step done at `at`: met if before its due time, breached otherwise (a breach stays a breach). */
export const markDone = (deadline: Deadline, at: Date): Deadline => ({
  ...deadline,
  state: deadline.state === "breached" || at.getTime() >= Date.parse(deadline.dueAt) ? "breached" : "met",
  doneAt: at.toISOString(),
});

/** The state as it truly is now, before the sweep has marked a breach; a closed referral's deadlines stand still. */
export const effectiveState = (deadline: Deadline, now: Date, active: boolean): DeadlineState =>
  active && deadline.state === "open" && Date.parse(deadline.dueAt) <= now.getTime()
    ? "breached"
    : deadline.state;

const earliest = (deadlines: readonly Deadline[]): string | undefined =>
  deadlines.map((d) => d.dueAt).sort()[0];

/** What the sweep waits for: the earliest deadline not yet done and not yet marked breached. */
export const nextOpenDueAt = (deadlines: readonly Deadline[]): string | undefined =>
  earliest(deadlines.filter((d) => d.state === "open" && d.doneAt === undefined));

/** What makes a referral overdue: the earliest step still to do, breached or not. */
export const pendingDueAt = (deadlines: readonly Deadline[]): string | undefined =>
  earliest(deadlines.filter((d) => d.doneAt === undefined));

/** The deadlines due at `now` and not yet marked, marked breached; each is one `deadline.breached`. */
export const breachDue = (
  deadlines: readonly Deadline[],
  now: Date,
): { deadlines: Deadline[]; breached: Deadline[] } => {
  const breached: Deadline[] = [];
  const next = deadlines.map((d) => {
    if (d.state !== "open" || d.doneAt !== undefined || Date.parse(d.dueAt) > now.getTime()) return d;
    const marked: Deadline = { ...d, state: "breached" };
    breached.push(marked);
    return marked;
  });
  return { deadlines: next, breached };
};
