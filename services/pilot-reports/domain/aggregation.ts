/**
 * Events to increments: what the consumer counts. A month's aggregate and its distributions, which
 * the report reads too, are in month-aggregate.ts, apart from the event catalogue this file loads.
 */
import {
  deadlineExtended,
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineTriageCompleted,
  interventionEnded,
  interventionStarted,
  referralAssessed,
  referralReceived,
  releaseNoticeReceived,
  releasePlanReady,
} from "../../../shared/events/catalogue";
import { type CatalogueEvent, isEvent } from "../../../shared/events/parse";
import { calendarDaysBetween, stockholmDate } from "../../../shared/time";
import { ageGroupMetricId, kindMetricId } from "./catalogue";
import {
  DEADLINE_EXTENSIONS,
  extendedDeadlineOf,
  extensionMetricId,
  FIRST_INTERVENTIONS_STARTED,
  INTERVENTIONS_ENDED_EARLY,
  INTERVENTIONS_STARTED,
  interventionAgeGroupMetricId,
  interventionTypeMetricId,
} from "./catalogue-interventions";
import type { Increment } from "./month-aggregate";
import { type Month, stockholmMonth } from "./months";

const HOURS_48_MS = 48 * 3_600_000;
const PRE_ASSESSMENT_DAYS = 14;

const inTime = (assessedAt: string, dueAt: string | undefined, fallback: () => boolean): boolean =>
  dueAt !== undefined ? Date.parse(assessedAt) <= Date.parse(dueAt) : fallback();

/** The increment an event makes, or undefined when it counts towards no figure. Pure. */
export const incrementFor = (event: CatalogueEvent): Increment | undefined => {
  const inMonth = (month: Month, counters: readonly string[], histograms: Increment["histograms"] = {}) =>
    counters.length === 0 && Object.keys(histograms).length === 0
      ? undefined
      : { municipality: event.municipality, month, counters, histograms };
  const at = (instant: string, counters: readonly string[], histograms: Increment["histograms"] = {}) =>
    inMonth(stockholmMonth(instant), counters, histograms);
  /** A Swedish calendar date (`YYYY-MM-DD`) belongs to its own month. */
  const onDate = (date: string, counters: readonly string[], histograms: Increment["histograms"] = {}) =>
    inMonth(date.slice(0, 7), counters, histograms);

  if (isEvent(event, referralReceived)) {
    const d = event.data;
    return at(d.receivedAt, ["referrals-received", kindMetricId(d.kind), ageGroupMetricId(d.ageGroup)]);
  }
  if (isEvent(event, referralAssessed)) {
    const d = event.data;
    if (d.assessment === "pre-assessment") {
      const ok = inTime(
        d.assessedAt,
        d.dueAt,
        () =>
          calendarDaysBetween(stockholmDate(new Date(d.receivedAt)), stockholmDate(new Date(d.assessedAt))) <=
          PRE_ASSESSMENT_DAYS,
      );
      return at(
        d.assessedAt,
        ok ? ["pre-assessments", "pre-assessments-within-14-days"] : ["pre-assessments"],
      );
    }
    if (d.assessment === "first-offence-conversation") {
      const ok = inTime(
        d.assessedAt,
        d.dueAt,
        () => Date.parse(d.assessedAt) - Date.parse(d.receivedAt) <= HOURS_48_MS,
      );
      return at(
        d.assessedAt,
        ok
          ? ["first-offence-conversations", "first-offence-conversations-within-48-hours"]
          : ["first-offence-conversations"],
      );
    }
    return undefined;
  }
  if (isEvent(event, releaseNoticeReceived)) {
    const d = event.data;
    return at(
      d.receivedAt,
      ["release-notices-received", d.onTime ? "release-notices-on-time" : "release-notices-late"],
      { leadDays: d.leadDays },
    );
  }
  if (isEvent(event, releasePlanReady)) {
    return at(event.data.readyAt, event.data.byReleaseDate ? ["release-plans-ready-by-release"] : []);
  }
  if (isEvent(event, hotlineCallReceived)) return at(event.data.receivedAt, ["hotline-calls"]);
  if (isEvent(event, hotlineCallRouted)) {
    return at(event.data.receivedAt, event.data.chainPosition === 1 ? ["hotline-calls-answered-first"] : []);
  }
  if (isEvent(event, hotlineTriageCompleted)) {
    const d = event.data;
    const counters = ["hotline-triages-completed"];
    if (d.withinDeadline) counters.push("hotline-triages-completed-within-24h");
    if (d.steps["protective-placement"] === "done") counters.push("protective-placements");
    if (d.steps["financial-assistance"] === "done") counters.push("financial-assistance-referrals");
    return at(d.receivedAt, counters, { triageHours: Math.floor(d.hoursToComplete) });
  }
  if (isEvent(event, interventionStarted)) {
    const d = event.data;
    const counters = [
      INTERVENTIONS_STARTED,
      interventionTypeMetricId(d.type),
      interventionAgeGroupMetricId(d.ageGroup),
    ];
    if (!d.firstOnReferral) return onDate(d.startedAt, counters);
    counters.push(FIRST_INTERVENTIONS_STARTED);
    return onDate(d.startedAt, counters, { daysToFirst: d.daysFromReferral });
  }
  if (isEvent(event, interventionEnded)) {
    return onDate(
      event.data.endedAt,
      event.data.outcome === "ended-early" ? [INTERVENTIONS_ENDED_EARLY] : [],
    );
  }
  if (isEvent(event, deadlineExtended)) {
    const d = event.data;
    return at(d.extendedAt, [DEADLINE_EXTENSIONS, extensionMetricId(extendedDeadlineOf(d.deadline))]);
  }
  return undefined;
};
