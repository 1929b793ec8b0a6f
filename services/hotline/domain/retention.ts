/**
 * How long the hotline keeps calls, triages (with the caller's number, sealed) and the on-call
 * schedule's audit trail (gallring), and from which event each period counts. The store sets each
 * item's DynamoDB TTL from these; docs/retention.md lists them.
 */

import { TRIAGE_STEPS } from "../../../shared/events/catalogue/hotline";
import { auditExpiry, epochSecondsOf, expiryAfter, type RetentionRule } from "../../../shared/retention";
import type { Triage } from "./triage-state";

/**
 * Local decision, a setting with this default: the avhoppartelefon's record of a call is the
 * municipality's working record until staff write what matters into a referral or personakt
 * (which intake keeps by SoL 12 kap.); no statute we could verify fixes how long a hotline's
 * own call log is kept. Two years after the last thing done lets a caller who calls again be met
 * with what was done before, and lets IVO follow up a complaint.
 */
export const HOTLINE_RETENTION_DAYS = 730;

const LOCAL = {
  kind: "local",
  decidedBy: "the municipality (personuppgiftsansvarig nämnd), through its dokumenthanteringsplan",
  note: "default 730 days; no national rule verified",
} as const;

export const RETENTION = {
  /** The call: who was rung, in which order (staff phones), when it ended. */
  call: { period: { days: HOTLINE_RETENTION_DAYS }, countsFrom: "the call coming in", source: LOCAL },
  /**
   * The triage with the caller's number (sealed) and the steps' notes: counts from the last entry
   * (a step recorded, an acknowledgement, the completion), so a triage still worked is not lost.
   */
  triage: {
    period: { days: HOTLINE_RETENTION_DAYS },
    countsFrom: "the last entry in the triage",
    source: LOCAL,
  },
} as const satisfies Record<string, RetentionRule>;

/** The latest instant anything was recorded in the triage. */
export const triageLastEntry = (triage: Triage): Date => {
  const instants = [
    triage.receivedAt,
    triage.openedAt,
    triage.acknowledged?.at,
    triage.escalated?.at,
    triage.completedAt,
    ...TRIAGE_STEPS.map((step) => triage.steps[step].at),
  ].flatMap((at) => (at ? [Date.parse(at)] : []));
  return new Date(Math.max(...instants));
};

/** The triage's TTL: its rule's period after its last entry, never earlier than it was. */
export const triageExpiresAt = (triage: Triage): number =>
  Math.max(triage.expiresAt, epochSecondsOf(expiryAfter(triageLastEntry(triage), RETENTION.triage.period)));

/** The call's TTL, from when it came in. */
export const callExpiresAt = (receivedAt: Date): number =>
  epochSecondsOf(expiryAfter(receivedAt, RETENTION.call.period));

/** When an audit row about a record that expires at `recordExpiresAt` (epoch seconds) may go. */
export const auditExpiresAfter = (recordExpiresAt: number): Date | undefined =>
  auditExpiry(new Date(recordExpiresAt * 1000));
