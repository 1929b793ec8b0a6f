/**
 * The deadline rules as data: one row per rule and version, each with where it comes from
 * (`sources.ts`). What a row means is computed in `schedule.ts`; nothing else in the service
 * knows a period. To change a rule, add a row for the same type and variant with a later
 * `effectiveFrom` (a referral keeps the row in force on its trigger's Swedish date); to add one,
 * add a row and, if it needs a fact the table cannot yet express, a field in `Applies` and
 * `DeadlineFacts` (schedule.ts matches them).
 */
import type { REFERRAL_DEADLINE_TYPES } from "../../../../shared/events/catalogue/intake";
import { DEFAULT_SETTINGS } from "../../../../shared/settings";
import type { IsoDate } from "../../../../shared/time";
import type { ReferralKind } from "../routing";
import { type RuleSource, SOURCES, underNewAct } from "./sources";

export type { RuleSource } from "./sources";

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
  /** Added to an investigation already under way about the child: no förhandsbedömning is due. */
  readonly joinsInvestigation?: boolean;
  /** The reporter or staff marked suspected violence against the child by someone close. */
  readonly closeRelativeViolence?: boolean;
}

/**
 * Whether lagen (1930:173) 2 § moves the last day when it falls on a Saturday, Sunday, public
 * holiday, midsommarafton, julafton or nyårsafton, and why (or why not).
 */
export interface LastDayOff {
  readonly moves: boolean;
  readonly because: string;
}

export interface DeadlineRule {
  readonly type: DeadlineType;
  /** Rows of one type that apply to different referrals at the same time (e.g. a report of violence). */
  readonly variant?: string;
  readonly trigger: Trigger;
  /** The row governs triggers on or after this Swedish date, until a later row of its type and variant takes over. */
  readonly effectiveFrom: IsoDate;
  readonly due: Due;
  readonly lastDayOff: LastDayOff;
  readonly applies: Applies;
  readonly source: RuleSource;
}

const MOVES: LastDayOff = {
  moves: true,
  because:
    "lagen (1930:173) om beräkning av lagstadgad tid 2 §: a time by law within which an action shall be taken, ending on a day off, ends on the next weekday",
};
const AT_ONCE: LastDayOff = {
  moves: false,
  because: "'genast' is no period counted in days; the social services' on-call answers on days off",
};
const NOT_LAW: LastDayOff = {
  moves: false,
  because: "a local agreement, not a time by law: lagen (1930:173) does not reach it",
};

/** A report about a child (not a release notice, not an application, not a financial-assistance referral). */
const CHILD_REPORT: Applies = {
  child: true,
  notKinds: ["release", "application"],
  financialAssistance: false,
};

/** Local agreements carry no date of their own here: they apply to every referral received. */
const ALWAYS: IsoDate = "1900-01-01";

/** The statutory rows under SoL (2001:453); each gets a second row under SoL (2025:400) below. */
const UNDER_2001: readonly DeadlineRule[] = [
  {
    type: "protection-assessment",
    trigger: "received",
    effectiveFrom: SOURCES.protection2013.inForceFrom,
    due: { kind: "end-of-day", days: 1 },
    lastDayOff: AT_ONCE,
    applies: { ...CHILD_REPORT, closeRelativeViolence: false },
    source: SOURCES.protection2013,
  },
  {
    type: "protection-assessment",
    variant: "close-relative-violence",
    trigger: "received",
    effectiveFrom: SOURCES.protectionViolence2014.inForceFrom,
    due: { kind: "end-of-day", days: 0 },
    lastDayOff: AT_ONCE,
    applies: { ...CHILD_REPORT, closeRelativeViolence: true },
    source: SOURCES.protectionViolence2014,
  },
  {
    type: "pre-assessment",
    trigger: "received",
    effectiveFrom: SOURCES.preAssessment2013.inForceFrom,
    due: { kind: "end-of-day", days: 14 },
    lastDayOff: MOVES,
    applies: { ...CHILD_REPORT, joinsInvestigation: false },
    source: SOURCES.preAssessment2013,
  },
  {
    type: "investigation",
    trigger: "investigation-opened",
    effectiveFrom: SOURCES.investigation2002.inForceFrom,
    due: { kind: "end-of-day-after-months", months: 4 },
    lastDayOff: MOVES,
    applies: { child: true },
    source: SOURCES.investigation2002,
  },
  {
    type: "investigation",
    variant: "application",
    trigger: "received",
    effectiveFrom: SOURCES.applicationInvestigation2002.inForceFrom,
    due: { kind: "end-of-day-after-months", months: 4 },
    lastDayOff: MOVES,
    applies: { child: true, kinds: ["application"] },
    source: SOURCES.applicationInvestigation2002,
  },
];

/**
 * Every row, oldest first within a type and variant. The statutory periods are the same in both
 * acts; the 2025 rows exist so that each referral cites the act in force when its clock started.
 * An adult's investigation has no statutory deadline: the law asks for promptness, not a period
 * (a municipality's own target is a target, see `targets.ts`, never a row here).
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  ...UNDER_2001,
  ...UNDER_2001.map((rule) => ({
    ...rule,
    effectiveFrom: "2025-07-01",
    source: rule.source.kind === "statute" ? underNewAct(rule.source) : rule.source,
  })),
  {
    type: "first-offence-conversation",
    trigger: "received",
    effectiveFrom: ALWAYS,
    // The default only (shared/settings); each municipality's own hours replace it (local.ts).
    due: { kind: "hours", hours: DEFAULT_SETTINGS.firstOffenceConversationHours },
    lastDayOff: NOT_LAW,
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
    effectiveFrom: ALWAYS,
    due: { kind: "start-of-day" },
    lastDayOff: NOT_LAW,
    applies: { kinds: ["release"] },
    source: {
      kind: "local-agreement",
      agreement: "Botkyrka's written agreement with Kriminalvården",
      says: "a plan ready by the release date, with Kriminalvården's notice three months ahead",
    },
  },
];
