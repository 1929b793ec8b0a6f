/**
 * How long intake keeps what it holds about a person (gallring), and from which event the period
 * counts. The store sets each item's DynamoDB TTL from these; docs/retention.md lists them.
 */
import { auditExpiry, expiryAfter, keptForResearch, type RetentionRule } from "../../../shared/retention";
import type { IsoDate } from "../../../shared/time";
import { type Referral, revise } from "./referral";
import type { Task } from "./tasks";

const SOL_2001_GALLRING =
  "Socialtjänstlagen (2001:453) 12 kap. 1 § första stycket, as worded by SFS 2003:135; from 1 July 2025 socialtjänstlag (2025:400), whose chapter and paragraph for this rule could not be verified";

export const RETENTION = {
  /**
   * A referral is a personakt's entries: kept five years after the last entry in it (each change
   * staff or a sweep records moves `updatedAt`, and with it the TTL), unless kept for research.
   * SFS 2003:135 in force 1 July 2003 (date unverified; the wording is verified on
   * open.karnovgroup.se). "Gallringen ska vara avslutad senast kalenderåret efter": deleting from
   * the day after the fifth anniversary lies inside that window.
   */
  referral: {
    period: { years: 5 },
    countsFrom: "the last entry in the referral",
    source: { kind: "statute", citation: SOL_2001_GALLRING, inForce: "2003-07-01", verified: true },
  },
  /**
   * A report (anmälan) whose förhandsbedömning opened no investigation: kept as the municipality's
   * archive authority decides (arkivlagen (1990:782) 10 §, its gallringsbeslut); a setting whose
   * default follows the five years many municipalities' plans use (unverified as a national rule).
   */
  preAssessmentWithoutInvestigation: {
    period: { years: 5 },
    countsFrom: "the last entry (the decision not to investigate, or the closure after it)",
    source: {
      kind: "local",
      decidedBy: "the municipality's archive authority (arkivlagen (1990:782) 10 §)",
      note: "default five years; unverified as a national rule",
    },
  },
  /**
   * Rows that say a source (a release notice, a hotline triage) already made a referral, and a
   * linked referral's row beside its open case: kept as long as the referral they name, as its
   * expiry stood when they were written (they are written once).
   */
  referralIndexRows: {
    period: { years: 5 },
    countsFrom: "the referral's last entry when the row was written",
    source: { kind: "statute", citation: SOL_2001_GALLRING, inForce: "2003-07-01", verified: true },
  },
  /**
   * A task (a reminder or a breach made into work) once done: ids, a unit, times and the staff id
   * that did it, never the person. What was done is recorded in the case, kept by the referral's
   * rule, and who marked it done in the audit trail, kept beyond the task. A local decision with
   * this default; an open task has no expiry (it is still work to do).
   */
  doneTask: {
    period: { days: 365 },
    countsFrom: "the task being marked done",
    source: {
      kind: "local",
      decidedBy: "the municipality (its document plan, arkivlagen (1990:782) 10 §)",
      note: "default one year; no national rule for a working list's items verified",
    },
  },
} as const satisfies Record<string, RetentionRule>;

/** Whether this referral is exempt from gallring (research): decided when the person is known. */
export const researchSample = (municipality: string, birthDate: IsoDate | undefined): boolean =>
  keptForResearch(municipality, birthDate);

/** The rule a referral falls under now. */
export const referralRule = (referral: Pick<Referral, "decision" | "status">): RetentionRule =>
  referral.decision?.openInvestigation === false && referral.status === "closed"
    ? RETENTION.preAssessmentWithoutInvestigation
    : RETENTION.referral;

/**
 * When the referral may be deleted: its rule's period after its last entry; never while kept for
 * research (born on the 5th, 15th or 25th, or a research municipality).
 */
export const referralExpiry = (
  referral: Pick<Referral, "decision" | "status" | "updatedAt" | "municipality" | "keptForResearch">,
): Date | undefined =>
  referral.keptForResearch || keptForResearch(referral.municipality, undefined)
    ? undefined
    : expiryAfter(new Date(referral.updatedAt), referralRule(referral).period);

/** When an audit row written now about this referral may be deleted. */
export const referralAuditExpiry = (referral: Parameters<typeof referralExpiry>[0]): Date | undefined =>
  auditExpiry(referralExpiry(referral));

/**
 * Recording an intervention (its decision, start or end) is an entry in the case: the referral's
 * last entry moves to now, and its expiry with it, so a referral is never deleted while an
 * intervention recorded on it is under five years old. The referral's version moves too, so the
 * entry is written on the referral as it was read.
 */
export const withInterventionEntry = (referral: Referral, now: Date): Referral => revise(referral, {}, now);

/** When a task may be deleted: a year after it was done; an open one is kept (no expiry). */
export const taskExpiry = (task: Pick<Task, "status" | "doneAt">): Date | undefined =>
  task.status === "done" && task.doneAt !== undefined
    ? expiryAfter(new Date(task.doneAt), RETENTION.doneTask.period)
    : undefined;

/** When the audit row of a task's change written now may be deleted: beyond the task. */
export const taskAuditExpiry = (task: Pick<Task, "status" | "doneAt">): Date | undefined =>
  auditExpiry(taskExpiry(task));
