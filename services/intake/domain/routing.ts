import type { REFERRAL_KINDS, UNITS } from "../../../shared/events/catalogue/intake";

export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type Unit = (typeof UNITS)[number];

/** What routing may look at: never the person, only the kind of referral and the age on receipt. */
export interface RoutingFacts {
  readonly kind: ReferralKind;
  readonly age: number;
  /** A hotline triage's referral to financial assistance (ekonomiskt bistånd). */
  readonly financialAssistance?: boolean;
}

/** One row of a routing table: every condition given must hold. The first matching row wins. */
export interface RoutingRule {
  readonly unit: Unit;
  readonly kinds?: readonly ReferralKind[];
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly financialAssistance?: boolean;
  /** Why the row exists, for whoever edits the table. */
  readonly because: string;
}

/**
 * The default table. A municipality whose organisation differs gets its own table in
 * MUNICIPALITY_ROUTING; nothing in code below depends on these rows.
 */
export const DEFAULT_ROUTING: readonly RoutingRule[] = [
  {
    unit: "mottag-barn",
    maxAge: 17,
    because:
      "every referral about a child goes to Mottag barn, a hotline caller's or a financial-assistance referral too",
  },
  {
    unit: "ekonomiskt-bistand",
    financialAssistance: true,
    because: "a hotline triage referred an adult to financial assistance",
  },
  { unit: "mottag-vuxen", kinds: ["release"], because: "Kriminalvården's release notices" },
  {
    unit: "mottag-vuxen",
    kinds: ["concern", "application"],
    because: "concerns about and applications from adults",
  },
  {
    unit: "utredning-unga-vuxna",
    kinds: ["self-referral", "police", "hotline"],
    minAge: 18,
    maxAge: 30,
    because: "young adults leaving crime",
  },
  {
    unit: "mottag-vuxen",
    kinds: ["self-referral", "police", "hotline"],
    minAge: 31,
    because: "adults over 30",
  },
];

/** Per-municipality overrides (kommunkod → table). None yet; an API to edit them may come later. */
export const MUNICIPALITY_ROUTING: Readonly<Record<string, readonly RoutingRule[]>> = {};

export const routingTableFor = (
  municipality: string,
  overrides: Readonly<Record<string, readonly RoutingRule[]>> = MUNICIPALITY_ROUTING,
): readonly RoutingRule[] => overrides[municipality] ?? DEFAULT_ROUTING;

const matches = (rule: RoutingRule, facts: RoutingFacts): boolean =>
  (rule.kinds === undefined || rule.kinds.includes(facts.kind)) &&
  (rule.minAge === undefined || facts.age >= rule.minAge) &&
  (rule.maxAge === undefined || facts.age <= rule.maxAge) &&
  (rule.financialAssistance === undefined ||
    rule.financialAssistance === (facts.financialAssistance ?? false));

/** The unit a referral lands in. A table without a row for the facts is a bug in the table: it throws. */
export const routeReferral = (facts: RoutingFacts, table: readonly RoutingRule[] = DEFAULT_ROUTING): Unit => {
  const rule = table.find((r) => matches(r, facts));
  if (!rule) throw new Error(`the routing table has no row for a ${facts.kind} referral at this age`);
  return rule.unit;
};
