import type { FigureSource } from "./sources";

/**
 * Shares the report works out from two of its counts. A rate is computed only from a numerator
 * and a denominator of the same source: a submitted numerator over the system's denominator would
 * divide figures from two different records.
 */
export interface RateDefinition {
  readonly id: string;
  readonly title: { readonly sv: string; readonly en: string };
  readonly numerator: string;
  readonly denominator: string;
}

export const RATES: readonly RateDefinition[] = [
  {
    id: "pre-assessments-within-14-days-share",
    title: { sv: "Andel förhandsbedömningar inom 14 dagar", en: "Share of pre-assessments within 14 days" },
    numerator: "pre-assessments-within-14-days",
    denominator: "pre-assessments",
  },
  {
    id: "first-offence-conversations-within-48-hours-share",
    title: {
      sv: "Andel samtal inom 48 timmar efter första brott",
      en: "Share of first-offence conversations within 48 hours",
    },
    numerator: "first-offence-conversations-within-48-hours",
    denominator: "first-offence-conversations",
  },
  {
    id: "release-notices-on-time-share",
    title: { sv: "Andel underrättelser i tid", en: "Share of release notices on time" },
    numerator: "release-notices-on-time",
    denominator: "release-notices-received",
  },
  {
    id: "hotline-calls-answered-first-share",
    title: {
      sv: "Andel samtal besvarade av den första i kedjan",
      en: "Share of hotline calls answered by the first in the chain",
    },
    numerator: "hotline-calls-answered-first",
    denominator: "hotline-calls",
  },
  {
    id: "hotline-triages-completed-within-24h-share",
    title: {
      sv: "Andel triageringar avslutade inom 24 timmar",
      en: "Share of hotline triages completed within 24 hours",
    },
    numerator: "hotline-triages-completed-within-24h",
    denominator: "hotline-triages-completed",
  },
];

export const RATE_IDS: readonly string[] = RATES.map((r) => r.id);

/** A figure after disclosure control, with its source. */
export interface ShownSourcedCell {
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly source: FigureSource;
  readonly sourceName?: string;
}

export interface RateCell {
  /** A share from 0 to 1, three decimals; null when suppressed, unknown, mixed or over 0. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** `mixed`: numerator and denominator come from different sources, so no rate is computed. */
  readonly source: FigureSource | "mixed";
  readonly sourceName?: string;
}

const DECIMALS = 1000;

/**
 * One rate from its two figures as shown. A rate over a suppressed figure is suppressed: with the
 * other figure shown it would give the suppressed one back.
 */
export const rateOf = (numerator: ShownSourcedCell, denominator: ShownSourcedCell): RateCell => {
  if (numerator.source === "none" || denominator.source === "none") {
    return { value: null, suppressed: false, source: "none" };
  }
  if (numerator.source !== denominator.source || numerator.sourceName !== denominator.sourceName) {
    return { value: null, suppressed: false, source: "mixed" };
  }
  const source = {
    source: numerator.source,
    ...(numerator.sourceName === undefined ? {} : { sourceName: numerator.sourceName }),
  };
  if (numerator.suppressed || denominator.suppressed) return { value: null, suppressed: true, ...source };
  if (numerator.value === null || denominator.value === null || denominator.value === 0) {
    return { value: null, suppressed: false, ...source };
  }
  return {
    value: Math.round((numerator.value / denominator.value) * DECIMALS) / DECIMALS,
    suppressed: false,
    ...source,
  };
};

/** Every rate of one month, in the catalogue's order. */
export const rateCells = (cells: Readonly<Record<string, ShownSourcedCell>>): Record<string, RateCell> => {
  const none: ShownSourcedCell = { value: null, suppressed: false, source: "none" };
  return Object.fromEntries(
    RATES.map((rate) => [rate.id, rateOf(cells[rate.numerator] ?? none, cells[rate.denominator] ?? none)]),
  );
};
