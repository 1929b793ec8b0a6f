/**
 * The worklist bench's data, built with each service's own record builders so that every item sits
 * on the indexes exactly as the service would place it: a fixed few hundred open items (some of
 * them overdue) and the rest history (closed referrals, plan-ready or withdrawn notices, completed
 * triages) spread over five years.
 */
import { ulid } from "ulid";
import type { Triage } from "../../services/hotline/domain/triage-state";
import { triageItem } from "../../services/hotline/store/triage-store";
import type { Referral } from "../../services/intake/domain/referral";
import type { Unit } from "../../services/intake/domain/routing";
import { toRecord } from "../../services/intake/store/records";
import type { Notice, NoticeStatus } from "../../services/release-notices/domain/notice";
import { noticeItem } from "../../services/release-notices/store/notice-item";
import { epochSeconds } from "../../shared/dynamo";

export const NOW = new Date("2026-11-23T10:00:00+01:00");
export const MUNICIPALITY = "0880";
/** Open items per list, whatever is stored; of those, OVERDUE are late. */
export const OPEN = 300;
export const OVERDUE = 100;
/** The caseworker whose "mine" list is read: every sixth open referral. */
export const CASEWORKER = "cw-bench";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FIVE_YEARS = 5 * 365 * DAY;
const UNITS: readonly Unit[] = ["mottag-barn", "mottag-vuxen", "utredning-unga-vuxna", "ekonomiskt-bistand"];
const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

export interface Subject {
  readonly sealed: string;
  readonly ref: string;
}

/** An open referral (index < OPEN; the first OVERDUE late) or one closed long ago. */
const referral = (index: number, subject: Subject): Referral => {
  const open = index < OPEN;
  const received = open
    ? NOW.getTime() - (index < OVERDUE ? 3 * DAY + index * HOUR : HOUR * (1 + (index % 30)))
    : NOW.getTime() - 30 * DAY - ((index * 7_919) % FIVE_YEARS);
  const receivedAt = iso(received);
  const protectionDue = iso(received + 2 * DAY);
  const preDue = iso(received + 15 * DAY);
  const closedAt = iso(received + 20 * DAY);
  return {
    id: ulid(received),
    municipality: MUNICIPALITY,
    kind: "concern",
    unit: UNITS[index % UNITS.length] ?? "mottag-barn",
    ageGroup: "13-17",
    status: open ? "open" : "closed",
    receivedAt,
    updatedAt: open ? receivedAt : closedAt,
    subjectRef: subject.ref,
    subjectSealed: subject.sealed,
    firstOffence: false,
    financialAssistance: false,
    reporterRole: "school",
    ...(open && index % 6 === 0 ? { assignee: CASEWORKER } : {}),
    deadlines: open
      ? [
          { type: "protection-assessment", dueAt: protectionDue, state: "open" },
          { type: "pre-assessment", dueAt: preDue, state: "open" },
        ]
      : [
          { type: "protection-assessment", dueAt: protectionDue, state: "met", doneAt: receivedAt },
          { type: "pre-assessment", dueAt: preDue, state: "met", doneAt: receivedAt },
        ],
    ...(open ? {} : { closure: { at: closedAt, by: "bench", reason: "other" as const } }),
    version: open ? 0 : 3,
  };
};

export const intakeItems = (stored: number, subject: Subject): Record<string, unknown>[] =>
  Array.from({ length: stored }, (_, i) => toRecord(referral(i, subject)));

/** Open notices are received (the late ones released already) or planning; history is plan-ready or withdrawn. */
const notice = (index: number, subject: Subject): Notice => {
  const open = index < OPEN;
  const release = open
    ? NOW.getTime() + (index < OVERDUE ? -(1 + (index % 20)) * DAY : (10 + (index % 300)) * DAY)
    : NOW.getTime() - 30 * DAY - ((index * 7_919) % FIVE_YEARS);
  const received = release - 90 * DAY;
  const status: NoticeStatus = open
    ? index < OVERDUE || index % 2 === 0
      ? "received"
      : "planning"
    : index % 5 === 0
      ? "withdrawn"
      : "plan-ready";
  const noticeId = `KV-BENCH-${String(index).padStart(7, "0")}`;
  return {
    id: ulid(received),
    noticeId,
    municipality: MUNICIPALITY,
    subjectRef: subject.ref,
    subjectSealed: subject.sealed,
    institution: "Anstalten Kumla",
    expectedReleaseDate: day(release),
    releaseType: "conditional",
    needs: ["housing"],
    contact: { name: "Bench", phone: "+46100000000", email: "bench@example.org" },
    receivedAt: iso(received),
    updatedAt: iso(received),
    leadDays: 90,
    onTime: true,
    status,
    createRequestHash: "bench",
    plan: {
      dueAt: iso(Date.parse(`${day(release)}T00:00:00+01:00`)),
      state: status === "plan-ready" ? "met" : "open",
      remindersSent: [],
      ...(status === "plan-ready" ? { readyAt: iso(release - 5 * DAY) } : {}),
    },
    milestones: [],
    ...(status === "withdrawn" ? { withdrawal: { at: iso(release - 10 * DAY) } } : {}),
  };
};

export const noticeItems = (stored: number, subject: Subject): Record<string, unknown>[] =>
  Array.from({ length: stored }, (_, i) => noticeItem(notice(i, subject), 0, undefined));

const pending = { status: "pending" } as const;
const done = { status: "done", at: NOW.toISOString(), by: "bench" } as const;

/** Open triages, the first OVERDUE past their 24 hours; history completed. */
const triage = (index: number): Triage => {
  const open = index < OPEN;
  const received = open
    ? NOW.getTime() - (index < OVERDUE ? 25 * HOUR + index * 60_000 : (index % 23) * HOUR)
    : NOW.getTime() - 30 * DAY - ((index * 7_919) % FIVE_YEARS);
  const step = open ? pending : done;
  return {
    id: ulid(received),
    callId: `bench-${index}`,
    municipality: MUNICIPALITY,
    status: open ? "open" : "completed",
    origin: "answered",
    receivedAt: iso(received),
    openedAt: iso(received),
    answeredBy: "bo",
    answeredRole: "on-call",
    deadline: { dueAt: iso(received + DAY), state: open ? "open" : "met" },
    steps: {
      "threat-assessment": step,
      "protective-placement": step,
      decision: step,
      "financial-assistance": step,
    },
    ...(open ? {} : { completedAt: iso(received + HOUR) }),
    version: open ? 1 : 6,
    expiresAt: epochSeconds(new Date(received + 3 * 365 * DAY)),
  };
};

export const triageItems = (stored: number): Record<string, unknown>[] =>
  Array.from({ length: stored }, (_, i) => triageItem(triage(i)));
