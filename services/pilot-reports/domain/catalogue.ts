import { AGE_GROUPS, REFERRAL_KINDS } from "../../../shared/events/catalogue/intake";
import { DAYS_TO_FIRST_MEDIAN, INTERVENTION_METRICS } from "./catalogue-interventions";
import type { MetricDefinition } from "./metric-definition";

/**
 * The metrics catalogue: every figure the report shows, defined once. The aggregation, the
 * disclosure control, the report and `GET /v1/reports/pilot/metrics` all read this list, so what a
 * figure means and how it is computed cannot drift apart.
 *
 * Every figure belongs to the calendar month (Europe/Stockholm) of one named timestamp of the event
 * that counts it, so a late or redelivered event always lands in the same month.
 */

export type { MetricDefinition, MetricKind } from "./metric-definition";

const KIND_SV: Readonly<Record<(typeof REFERRAL_KINDS)[number], string>> = {
  concern: "orosanmälan",
  application: "ansökan",
  "self-referral": "egen kontakt",
  police: "polisen",
  release: "frigivning",
  hotline: "avhoppartelefonen",
};

const referralsReceived = "referrals-received";
export const kindMetricId = (kind: (typeof REFERRAL_KINDS)[number]) => `${referralsReceived}.kind.${kind}`;
export const ageGroupMetricId = (group: (typeof AGE_GROUPS)[number]) =>
  `${referralsReceived}.age-group.${group}`;

const REFERRAL_MONTH = "data.receivedAt";

export const METRICS: readonly MetricDefinition[] = [
  {
    id: referralsReceived,
    kind: "count",
    title: { sv: "Inkomna aktualiseringar", en: "Referrals received" },
    definition:
      "Referrals of every kind that intake received: one per referral.received event, in the month of data.receivedAt.",
    event: "referral.received",
    monthOf: REFERRAL_MONTH,
    unit: "count",
  },
  ...REFERRAL_KINDS.map(
    (kind): MetricDefinition => ({
      id: kindMetricId(kind),
      kind: "count",
      title: { sv: `Inkomna aktualiseringar: ${KIND_SV[kind]}`, en: `Referrals received: ${kind}` },
      definition: `referral.received events whose data.kind is "${kind}", in the month of data.receivedAt.`,
      event: "referral.received",
      monthOf: REFERRAL_MONTH,
      unit: "count",
      breakdownOf: referralsReceived,
    }),
  ),
  ...AGE_GROUPS.map(
    (group): MetricDefinition => ({
      id: ageGroupMetricId(group),
      kind: "count",
      title: { sv: `Inkomna aktualiseringar: ålder ${group}`, en: `Referrals received: age ${group}` },
      definition: `referral.received events whose data.ageGroup is "${group}" (age on receipt), in the month of data.receivedAt.`,
      event: "referral.received",
      monthOf: REFERRAL_MONTH,
      unit: "count",
      breakdownOf: referralsReceived,
    }),
  ),
  {
    id: "pre-assessments",
    kind: "count",
    title: { sv: "Förhandsbedömningar", en: "Pre-assessments" },
    definition:
      'referral.assessed events with data.assessment "pre-assessment" (the decision whether to open an investigation), in the month of data.assessedAt: the denominator of pre-assessments-within-14-days.',
    event: "referral.assessed",
    monthOf: "data.assessedAt",
    unit: "count",
  },
  {
    id: "pre-assessments-within-14-days",
    kind: "count",
    title: { sv: "Förhandsbedömningar inom 14 dagar", en: "Pre-assessments within 14 days" },
    definition:
      'referral.assessed events with data.assessment "pre-assessment" recorded in time: data.assessedAt at or before data.dueAt, or, where the referral had no such deadline, at most 14 calendar days (Stockholm dates) after data.receivedAt. In the month of data.assessedAt.',
    event: "referral.assessed",
    monthOf: "data.assessedAt",
    unit: "count",
  },
  {
    id: "first-offence-conversations",
    kind: "count",
    title: { sv: "Samtal efter första brott", en: "First-offence conversations" },
    definition:
      'referral.assessed events with data.assessment "first-offence-conversation", in the month of data.assessedAt: the denominator of first-offence-conversations-within-48-hours.',
    event: "referral.assessed",
    monthOf: "data.assessedAt",
    unit: "count",
  },
  {
    id: "first-offence-conversations-within-48-hours",
    kind: "count",
    title: {
      sv: "Samtal inom 48 timmar efter första brott",
      en: "First-offence conversations within 48 hours",
    },
    definition:
      'referral.assessed events with data.assessment "first-offence-conversation" recorded in time: data.assessedAt at or before data.dueAt, or, without a deadline, at most 48 hours after data.receivedAt. In the month of data.assessedAt.',
    event: "referral.assessed",
    monthOf: "data.assessedAt",
    unit: "count",
  },
  {
    id: "release-notices-received",
    kind: "count",
    title: { sv: "Inkomna underrättelser inför frigivning", en: "Release notices received" },
    definition:
      "Kriminalvården's notices as they first arrived: one per release-notice.received event, in the month of data.receivedAt. Updates and withdrawals do not change it.",
    event: "release-notice.received",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "release-notices-on-time",
    kind: "count",
    title: {
      sv: "Underrättelser i tid (minst tre månader före frigivning)",
      en: "Release notices on time (at least three months before release)",
    },
    definition:
      "release-notice.received events with data.onTime true (as received), in the month of data.receivedAt.",
    event: "release-notice.received",
    monthOf: "data.receivedAt",
    unit: "count",
    breakdownOf: "release-notices-received",
  },
  {
    id: "release-notices-late",
    kind: "count",
    title: { sv: "Underrättelser för sent", en: "Release notices late" },
    definition:
      "release-notice.received events with data.onTime false (as received), in the month of data.receivedAt.",
    event: "release-notice.received",
    monthOf: "data.receivedAt",
    unit: "count",
    breakdownOf: "release-notices-received",
  },
  {
    id: "release-notice-lead-days-median",
    kind: "median",
    title: { sv: "Framförhållning, median (dagar)", en: "Release notice lead time, median (days)" },
    definition:
      "The median of data.leadDays (calendar days from receipt to release) over the release-notice.received events of the month of data.receivedAt; the mean of the two middle values when their number is even.",
    event: "release-notice.received",
    monthOf: "data.receivedAt",
    unit: "days",
    over: "release-notices-received",
  },
  {
    id: "release-plans-ready-by-release",
    kind: "count",
    title: { sv: "Planer klara till frigivningen", en: "Release plans ready by release" },
    definition: "release-plan.ready events with data.byReleaseDate true, in the month of data.readyAt.",
    event: "release-plan.ready",
    monthOf: "data.readyAt",
    unit: "count",
  },
  {
    id: "hotline-calls",
    kind: "count",
    title: { sv: "Samtal till avhoppartelefonen", en: "Hotline calls" },
    definition: "hotline.call.received events, in the month of data.receivedAt.",
    event: "hotline.call.received",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "hotline-calls-answered-first",
    kind: "count",
    title: {
      sv: "Samtal besvarade av den första i kedjan",
      en: "Hotline calls answered by the first in the chain",
    },
    definition:
      "hotline.call.routed events with data.chainPosition 1, in the month of data.receivedAt (the call's, so that it matches hotline-calls).",
    event: "hotline.call.routed",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "hotline-triages-completed",
    kind: "count",
    title: { sv: "Avslutade triageringar", en: "Hotline triages completed" },
    definition:
      "hotline.triage.completed events, in the month of data.receivedAt (the call's: the 24-hour clock runs from it).",
    event: "hotline.triage.completed",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "hotline-triages-completed-within-24h",
    kind: "count",
    title: { sv: "Triageringar avslutade inom 24 timmar", en: "Hotline triages completed within 24 hours" },
    definition:
      "hotline.triage.completed events with data.withinDeadline true, in the month of data.receivedAt.",
    event: "hotline.triage.completed",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "hotline-triage-hours-median",
    kind: "median",
    title: { sv: "Tid till avslutad triagering, median (timmar)", en: "Hours to complete a triage, median" },
    definition:
      "The median of data.hoursToComplete, in whole hours rounded down, over the hotline.triage.completed events of the month of data.receivedAt; the mean of the two middle values when their number is even.",
    event: "hotline.triage.completed",
    monthOf: "data.receivedAt",
    unit: "hours",
    over: "hotline-triages-completed",
  },
  {
    id: "protective-placements",
    kind: "count",
    title: { sv: "Skyddsplaceringar", en: "Protective placements" },
    definition:
      'hotline.triage.completed events whose data.steps["protective-placement"] is "done", in the month of data.receivedAt.',
    event: "hotline.triage.completed",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  {
    id: "financial-assistance-referrals",
    kind: "count",
    title: { sv: "Hänvisningar till ekonomiskt bistånd", en: "Referrals to financial assistance" },
    definition:
      'hotline.triage.completed events whose data.steps["financial-assistance"] is "done", in the month of data.receivedAt.',
    event: "hotline.triage.completed",
    monthOf: "data.receivedAt",
    unit: "count",
  },
  ...INTERVENTION_METRICS,
];

export const METRIC_IDS: readonly string[] = METRICS.map((m) => m.id);
const METRIC_BY_ID: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((m) => [m.id, m]));
export const findMetric = (id: string): MetricDefinition | undefined => METRIC_BY_ID.get(id);
export const COUNT_METRIC_IDS: readonly string[] = METRICS.filter((m) => m.kind === "count").map((m) => m.id);

/** The distributions behind the medians, and the metric each one serves. */
export const HISTOGRAMS = {
  leadDays: "release-notice-lead-days-median",
  triageHours: "hotline-triage-hours-median",
  daysToFirst: DAYS_TO_FIRST_MEDIAN,
} as const;
export type HistogramName = keyof typeof HISTOGRAMS;
export const isHistogramName = (name: string): name is HistogramName => Object.hasOwn(HISTOGRAMS, name);
export const HISTOGRAM_NAMES: readonly HistogramName[] = Object.keys(HISTOGRAMS).filter(isHistogramName);

/**
 * Event types that count towards no figure, and why; listed so that a reader of the catalogue sees
 * every event was considered. Their deliveries are acknowledged and skipped.
 */
export const EVENTS_NOT_COUNTED: Readonly<Record<string, string>> = {
  "release-notice.updated":
    "a notice is counted as it first arrived; an update does not move it between months or change its on-time status",
  "release-notice.withdrawn": "a withdrawn notice was still received",
  "release-plan.reminder": "reminders are the service's work, not an outcome",
  "referral.assigned": "caseload is not among the pilot's figures",
  "referral.closed": "closing reasons are not among the pilot's figures",
  "hotline.call.unanswered": "hotline-calls counts every call; answered-first counts the answered ones",
  "hotline.triage.opened": "one per call, so it would repeat hotline-calls",
  "deadline.breached": "the figures count what was done in time from the events that record it",
  "task.opened": "a task is intake's work list, not an outcome",
  "intervention.decided": "interventions are counted as they start (interventions-started), not as decided",
};
