/**
 * The interventions a municipality records on a referral after intake, as data: intake validates
 * against this list, the events carry its ids, and the pilot report breaks its figures down by it,
 * so the three cannot drift apart. Adding a type is a compatible change; removing one is not.
 *
 * Target age bands are Cylindermodellen's bands (shared/events/catalogue/intake AGE_GROUPS) in
 * which the intervention is usually offered. They describe the programme, they are not rules: a
 * caseworker may record an intervention outside its bands, and local programmes differ (SIG, for
 * instance, is offered to 13-20-year-olds in some municipalities and to 15-25 in others).
 */
import { AGE_GROUPS } from "../events/catalogue/intake";

type AgeBand = (typeof AGE_GROUPS)[number];

/** Who provides an intervention: a unit of the social services, the Region, or Kriminalvården. */
export const PROVIDER_UNITS = {
  socialtjanst: { sv: "Socialtjänsten", en: "Social services" },
  "barn-och-unga": { sv: "Socialtjänsten, barn och unga", en: "Social services, children and youth" },
  "unga-vuxna": { sv: "Socialtjänsten, unga vuxna", en: "Social services, young adults" },
  vuxen: { sv: "Socialtjänsten, vuxen", en: "Social services, adults" },
  "ekonomiskt-bistand": { sv: "Ekonomiskt bistånd", en: "Financial assistance" },
  "region-bup": {
    sv: "Regionen, barn- och ungdomspsykiatrin (BUP)",
    en: "The Region's child and adolescent psychiatry (BUP)",
  },
  "region-och-kommun": {
    sv: "Regionen och kommunen tillsammans",
    en: "The Region and the municipality together",
  },
  kriminalvarden: { sv: "Kriminalvården", en: "The Swedish Prison and Probation Service" },
} as const;
export type ProviderUnit = keyof typeof PROVIDER_UNITS;

export interface InterventionTypeDefinition {
  readonly id: string;
  readonly name: { readonly sv: string; readonly en: string };
  /** Cylindermodellen's bands the intervention is usually offered in. */
  readonly ageBands: readonly AgeBand[];
  readonly provider: ProviderUnit;
  /** `other` only: the caseworker describes what was decided (sealed, since free text may name a person). */
  readonly requiresDescription?: true;
}

const CHILDREN: readonly AgeBand[] = ["0-5", "6-12", "13-17"];
const EVERY_BAND: readonly AgeBand[] = AGE_GROUPS;

export const INTERVENTION_CATALOGUE = [
  {
    id: "sig",
    name: { sv: "Sociala insatsgrupper (SIG)", en: "Social intervention groups (SIG)" },
    ageBands: ["13-17", "18-30"],
    provider: "unga-vuxna",
  },
  {
    id: "fft",
    name: { sv: "Funktionell familjeterapi (FFT)", en: "Functional family therapy (FFT)" },
    ageBands: ["6-12", "13-17"],
    provider: "barn-och-unga",
  },
  {
    id: "fft-gang",
    name: { sv: "FFT, gängmodulen (FFT-G)", en: "Functional family therapy, gang module (FFT-G)" },
    ageBands: ["6-12", "13-17"],
    provider: "barn-och-unga",
  },
  {
    id: "entre",
    name: { sv: "Entré", en: "Entré (leaving crime)" },
    ageBands: ["18-30", "31+"],
    provider: "kriminalvarden",
  },
  {
    id: "minimaria",
    name: { sv: "Mini-Maria (mottagning för unga med missbruk)", en: "Mini-Maria (youth addiction clinic)" },
    ageBands: ["13-17", "18-30"],
    provider: "region-och-kommun",
  },
  {
    // A sanction a court imposes on a young offender: brottsbalken 32 kap. 2 § (cited from memory,
    // not verified with the search tool).
    id: "ungdomstjanst",
    name: { sv: "Ungdomstjänst", en: "Youth service (ungdomstjänst)" },
    ageBands: ["13-17", "18-30"],
    provider: "barn-och-unga",
  },
  {
    id: "resursteam",
    name: { sv: "Resursteamet", en: "The resource team (Resursteamet)" },
    ageBands: ["13-17", "18-30"],
    provider: "unga-vuxna",
  },
  {
    id: "skyddsplacering",
    name: { sv: "Skyddsplacering", en: "Protective placement" },
    ageBands: EVERY_BAND,
    provider: "socialtjanst",
  },
  {
    // Socialtjänstlagen (2001:453) 4 kap. 1 § (not verified with the search tool, nor its place in SFS 2025:400).
    id: "ekonomiskt-bistand",
    name: { sv: "Ekonomiskt bistånd", en: "Financial assistance" },
    ageBands: ["18-30", "31+"],
    provider: "ekonomiskt-bistand",
  },
  {
    // Samordnad individuell plan: socialtjänstlagen (2001:453) 2 kap. 7 § and hälso- och
    // sjukvårdslagen (2017:30) 16 kap. 4 §, in force from 1 April 2017 (verified against
    // Socialstyrelsen's questions and answers on SIP; its section in SFS 2025:400 not verified).
    id: "sip-bup",
    name: {
      sv: "Samordnad individuell plan (SIP) med BUP",
      en: "Coordinated individual plan (SIP) with child and adolescent psychiatry",
    },
    ageBands: CHILDREN,
    provider: "region-bup",
  },
  {
    id: "other",
    name: { sv: "Annan insats", en: "Other intervention" },
    ageBands: EVERY_BAND,
    provider: "socialtjanst",
    requiresDescription: true,
  },
] as const satisfies readonly InterventionTypeDefinition[];

export type InterventionType = (typeof INTERVENTION_CATALOGUE)[number]["id"];
export const INTERVENTION_TYPES = INTERVENTION_CATALOGUE.map((t) => t.id) as [
  InterventionType,
  ...InterventionType[],
];

const BY_ID: ReadonlyMap<string, InterventionTypeDefinition> = new Map(
  INTERVENTION_CATALOGUE.map((t) => [t.id, t]),
);
export const interventionTypeOf = (id: InterventionType): InterventionTypeDefinition => {
  const found = BY_ID.get(id);
  if (!found) throw new Error("not an intervention type of the catalogue");
  return found;
};

/**
 * How an intervention ended: carried out (`completed`), broken off (`ended-early`), refused by
 * the person (`declined`), or ended because the person moved to another municipality (`moved`).
 */
export const INTERVENTION_OUTCOMES = ["completed", "ended-early", "declined", "moved"] as const;
export type InterventionOutcome = (typeof INTERVENTION_OUTCOMES)[number];

/** Outcomes that need a start: one cannot complete or break off what never began. */
export const OUTCOMES_AFTER_START: readonly InterventionOutcome[] = ["completed", "ended-early"];
