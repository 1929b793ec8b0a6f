/**
 * The figures about interventions and lawful deadline extensions. Breakdowns are named as the
 * referral breakdowns are: `<total>.<field>.<value>`, e.g. `interventions-started.type.sig`.
 */
import { AGE_GROUPS } from "../../../shared/events/catalogue/intake";
import { INTERVENTION_CATALOGUE, type InterventionType } from "../../../shared/interventions";
import type { MetricDefinition } from "./metric-definition";

export const INTERVENTIONS_STARTED = "interventions-started";
export const FIRST_INTERVENTIONS_STARTED = "first-interventions-started";
export const DAYS_TO_FIRST_MEDIAN = "intervention-days-to-first-median";
export const SIP_BUP_STARTED = "sip-bup-started";
export const INTERVENTIONS_ENDED_EARLY = "interventions-ended-early";
export const DEADLINE_EXTENSIONS = "deadline-extensions";

/**
 * A type's breakdown of interventions-started. SIP with BUP's is `sip-bup-started`, the figure the
 * pilot asks for by that name: the same count under two ids would be one figure shown twice, and
 * disclosure control could hide one of them while the other gave it away.
 */
export const interventionTypeMetricId = (type: InterventionType) =>
  type === "sip-bup" ? SIP_BUP_STARTED : `${INTERVENTIONS_STARTED}.type.${type}`;
export const interventionAgeGroupMetricId = (group: (typeof AGE_GROUPS)[number]) =>
  `${INTERVENTIONS_STARTED}.age-group.${group}`;

/** The deadlines intake lets staff extend; any other a producer may add later counts as `other`. */
export const EXTENDED_DEADLINES = ["pre-assessment", "investigation", "other"] as const;
export type ExtendedDeadline = (typeof EXTENDED_DEADLINES)[number];
export const extendedDeadlineOf = (deadline: string): ExtendedDeadline =>
  deadline === "pre-assessment" || deadline === "investigation" ? deadline : "other";
export const extensionMetricId = (deadline: ExtendedDeadline) =>
  `${DEADLINE_EXTENSIONS}.deadline.${deadline}`;

const STARTED = "intervention.started";
const STARTED_MONTH = "data.startedAt";
const EXTENDED_SV: Readonly<Record<ExtendedDeadline, string>> = {
  "pre-assessment": "förhandsbedömning",
  investigation: "utredning",
  other: "annan",
};

export const INTERVENTION_METRICS: readonly MetricDefinition[] = [
  {
    id: INTERVENTIONS_STARTED,
    kind: "count",
    title: { sv: "Påbörjade insatser", en: "Interventions started" },
    definition:
      "intervention.started events: one per intervention started, in the month of data.startedAt (a Swedish calendar date).",
    event: STARTED,
    monthOf: STARTED_MONTH,
    unit: "count",
  },
  ...INTERVENTION_CATALOGUE.map(
    (type): MetricDefinition =>
      type.id === "sip-bup"
        ? {
            id: SIP_BUP_STARTED,
            kind: "count",
            title: { sv: "Påbörjade SIP med BUP", en: "Coordinated plans (SIP) with BUP started" },
            definition:
              'intervention.started events whose data.type is "sip-bup", in the month of data.startedAt: the type breakdown of interventions-started for SIP with BUP, under the name the pilot asks for.',
            event: STARTED,
            monthOf: STARTED_MONTH,
            unit: "count",
            breakdownOf: INTERVENTIONS_STARTED,
          }
        : {
            id: interventionTypeMetricId(type.id),
            kind: "count",
            title: {
              sv: `Påbörjade insatser: ${type.name.sv}`,
              en: `Interventions started: ${type.name.en}`,
            },
            definition: `intervention.started events whose data.type is "${type.id}", in the month of data.startedAt.`,
            event: STARTED,
            monthOf: STARTED_MONTH,
            unit: "count",
            breakdownOf: INTERVENTIONS_STARTED,
          },
  ),
  ...AGE_GROUPS.map(
    (group): MetricDefinition => ({
      id: interventionAgeGroupMetricId(group),
      kind: "count",
      title: { sv: `Påbörjade insatser: ålder ${group}`, en: `Interventions started: age ${group}` },
      definition: `intervention.started events whose data.ageGroup is "${group}" (the referral's age group, age on receipt), in the month of data.startedAt.`,
      event: STARTED,
      monthOf: STARTED_MONTH,
      unit: "count",
      breakdownOf: INTERVENTIONS_STARTED,
    }),
  ),
  {
    id: FIRST_INTERVENTIONS_STARTED,
    kind: "count",
    title: {
      sv: "Första påbörjade insats per aktualisering",
      en: "First interventions started on a referral",
    },
    definition:
      "intervention.started events with data.firstOnReferral true (the first intervention started on its referral), in the month of data.startedAt: what intervention-days-to-first-median is over.",
    event: STARTED,
    monthOf: STARTED_MONTH,
    unit: "count",
  },
  {
    id: DAYS_TO_FIRST_MEDIAN,
    kind: "median",
    title: {
      sv: "Dagar från aktualisering till första insats, median",
      en: "Days from referral to the first intervention, median",
    },
    definition:
      "The median of data.daysFromReferral (calendar days, Swedish dates, from the referral's receipt to the start) over the intervention.started events with data.firstOnReferral true of the month of data.startedAt; the mean of the two middle values when their number is even.",
    event: STARTED,
    monthOf: STARTED_MONTH,
    unit: "days",
    over: FIRST_INTERVENTIONS_STARTED,
  },
  {
    id: INTERVENTIONS_ENDED_EARLY,
    kind: "count",
    title: { sv: "Insatser som avbrutits i förtid", en: "Interventions ended early" },
    definition: 'intervention.ended events with data.outcome "ended-early", in the month of data.endedAt.',
    event: "intervention.ended",
    monthOf: "data.endedAt",
    unit: "count",
  },
  {
    id: DEADLINE_EXTENSIONS,
    kind: "count",
    title: { sv: "Förlängda tidsfrister", en: "Deadlines extended" },
    definition:
      "deadline.extended events (a förhandsbedömning extended for synnerliga skäl, a child's investigation for särskilda skäl), in the month of data.extendedAt.",
    event: "deadline.extended",
    monthOf: "data.extendedAt",
    unit: "count",
  },
  ...EXTENDED_DEADLINES.map(
    (deadline): MetricDefinition => ({
      id: extensionMetricId(deadline),
      kind: "count",
      title: {
        sv: `Förlängda tidsfrister: ${EXTENDED_SV[deadline]}`,
        en: `Deadlines extended: ${deadline}`,
      },
      definition:
        deadline === "other"
          ? 'deadline.extended events whose data.deadline is neither "pre-assessment" nor "investigation", in the month of data.extendedAt.'
          : `deadline.extended events whose data.deadline is "${deadline}", in the month of data.extendedAt.`,
      event: "deadline.extended",
      monthOf: "data.extendedAt",
      unit: "count",
      breakdownOf: DEADLINE_EXTENSIONS,
    }),
  ),
];
