import type { REFERRAL_KINDS, UNITS } from "../../../shared/events/catalogue/intake";
import type { RoutingOverride } from "../../../shared/settings";

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
 * The default table. A municipality whose organisation differs sets overrides in its settings
 * (`routing`, shared/settings), tried before these rows; nothing in code below depends on them.
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

/**
 * The table for a municipality: its own overrides (its settings in force on the day received)
 * first, then the default rows, so every referral still finds a unit. An override never takes a
 * financial-assistance referral (those go to ekonomiskt bistånd) and, by the settings' own rule,
 * never a child's (those go to Mottag barn).
 */
export const routingWithOverrides = (overrides: readonly RoutingOverride[]): readonly RoutingRule[] =>
  overrides.length === 0
    ? DEFAULT_ROUTING
    : [
        ...overrides.map(
          (o): RoutingRule => ({
            unit: o.unit,
            ...(o.kinds ? { kinds: o.kinds } : {}),
            ...(o.minAge !== undefined ? { minAge: o.minAge } : {}),
            ...(o.maxAge !== undefined ? { maxAge: o.maxAge } : {}),
            financialAssistance: false,
            because: "the municipality's own routing (its settings)",
          }),
        ),
        ...DEFAULT_ROUTING,
      ];

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
