/**
 * The deadline rules as data: one row per rule and version, each with where it comes from. What a
 * row means is computed in `schedule.ts`; nothing else in the service knows a period. To change a
 * rule, add a row with a later `effectiveFrom` (a referral keeps the row in force on its trigger's
 * Swedish date); to add one, add a row and, if it needs a fact the table cannot yet express, a
 * field in `Applies` and `DeadlineFacts` (schedule.ts matches them).
 */
import type { REFERRAL_DEADLINE_TYPES } from "../../../../shared/events/catalogue/intake";
import type { IsoDate } from "../../../../shared/time";
import type { ReferralKind } from "../routing";

export type DeadlineType = (typeof REFERRAL_DEADLINE_TYPES)[number];

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

/** Which referrals a rule applies to; every condition given must hold, an absent one always does. */
export interface Applies {
  /** Under 18 on the Swedish date the referral was received. */
  readonly child?: boolean;
  readonly kinds?: readonly ReferralKind[];
  readonly notKinds?: readonly ReferralKind[];
  /** A police referral of a youth's first offence. */
  readonly firstOffence?: boolean;
  /** A hotline triage's referral to financial assistance. */
  readonly financialAssistance?: boolean;
}

/** Where a rule comes from, for whoever checks the table against the law or the agreement. */
export type RuleSource =
  | { readonly kind: "statute"; readonly citation: string; readonly says: string }
  /** Not law: an agreement a municipality made; labelled so that nobody mistakes it for one. */
  | { readonly kind: "local-agreement"; readonly agreement: string; readonly says: string };

export interface DeadlineRule {
  readonly type: DeadlineType;
  readonly trigger: Trigger;
  /** The row governs triggers on or after this Swedish date, until a later row for the type takes over. */
  readonly effectiveFrom: IsoDate;
  readonly due: Due;
  readonly applies: Applies;
  readonly source: RuleSource;
}

/** Socialtjänstlagen (2001:453) came into force on 1 January 2002; the new one (2025:400) on 1 July 2025. */
const SOL_2001 = { act: "Socialtjänstlagen (2001:453)", from: "2002-01-01" } as const;
const SOL_2025 = { act: "Socialtjänstlagen (2025:400)", from: "2025-07-01" } as const;

/** A report about a child (not a release notice, not a financial-assistance referral). */
const CHILD_REPORT: Applies = { child: true, notKinds: ["release"], financialAssistance: false };

const PROTECTION = "skyddsbedömning: whether the child needs protection at once, the same or the next day";
const PRE_ASSESSMENT =
  "förhandsbedömning: the decision whether to open an investigation within 14 days of the report; extendable only for synnerliga skäl";
const INVESTIGATION = "an investigation concluded within four months; extendable for särskilda skäl";

/**
 * Every row, oldest first within a type. The statutory periods are the same in both acts; the
 * 2025 rows exist so that each referral cites the act in force when its clock started.
 *
 * For whoever checks this against the law: 11 kap. 1 a § (the skyddsbedömning and the 14 days)
 * dates from 1 January 2013 (SFS 2012:776), yet its rows apply from 2002, as they did before this
 * table was split out; the work on deadlines by law settles that.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    type: "protection-assessment",
    trigger: "received",
    effectiveFrom: SOL_2001.from,
    due: { kind: "end-of-day", days: 1 },
    applies: CHILD_REPORT,
    source: { kind: "statute", citation: `${SOL_2001.act} 11 kap. 1 a §`, says: PROTECTION },
  },
  {
    type: "protection-assessment",
    trigger: "received",
    effectiveFrom: SOL_2025.from,
    due: { kind: "end-of-day", days: 1 },
    applies: CHILD_REPORT,
    source: { kind: "statute", citation: SOL_2025.act, says: PROTECTION },
  },
  {
    type: "pre-assessment",
    trigger: "received",
    effectiveFrom: SOL_2001.from,
    due: { kind: "end-of-day", days: 14 },
    applies: CHILD_REPORT,
    source: { kind: "statute", citation: `${SOL_2001.act} 11 kap. 1 a §`, says: PRE_ASSESSMENT },
  },
  {
    type: "pre-assessment",
    trigger: "received",
    effectiveFrom: SOL_2025.from,
    due: { kind: "end-of-day", days: 14 },
    applies: CHILD_REPORT,
    source: { kind: "statute", citation: SOL_2025.act, says: PRE_ASSESSMENT },
  },
  {
    type: "investigation",
    trigger: "investigation-opened",
    effectiveFrom: SOL_2001.from,
    due: { kind: "end-of-day-after-months", months: 4 },
    applies: {},
    source: { kind: "statute", citation: `${SOL_2001.act} 11 kap. 2 §`, says: INVESTIGATION },
  },
  {
    type: "investigation",
    trigger: "investigation-opened",
    effectiveFrom: SOL_2025.from,
    due: { kind: "end-of-day-after-months", months: 4 },
    applies: {},
    source: { kind: "statute", citation: SOL_2025.act, says: INVESTIGATION },
  },
  // Local agreements have no date of their own here: they apply to every referral.
  {
    type: "first-offence-conversation",
    trigger: "received",
    effectiveFrom: SOL_2001.from,
    due: { kind: "hours", hours: 48 },
    applies: { child: true, kinds: ["police"], firstOffence: true },
    source: {
      kind: "local-agreement",
      agreement: "Stockholm's local agreement",
      says: "a conversation with the youth within 48 hours of a police referral of a first offence",
    },
  },
  {
    type: "release-plan",
    trigger: "release-date",
    effectiveFrom: SOL_2001.from,
    due: { kind: "start-of-day" },
    applies: { kinds: ["release"] },
    source: {
      kind: "local-agreement",
      agreement: "Botkyrka's written agreement with Kriminalvården",
      says: "a plan ready by the release date, with Kriminalvården's notice three months ahead",
    },
  },
];
