/**
 * The pilot-report bench's event stream: a deterministic sequence of every counted event type (and
 * one the report skips) over a year and eight municipalities, so two runs feed the same events.
 */
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  referralAssessed,
  referralReceived,
  releaseNoticeReceived,
  releasePlanReady,
} from "../../shared/events/catalogue";
import { AGE_GROUPS, REFERRAL_KINDS } from "../../shared/events/catalogue/intake";
import { newEvent } from "../../shared/events/outbox";
import type { CatalogueEvent } from "../../shared/events/parse";
import { PILOT_MUNICIPALITIES } from "../../shared/municipalities";

/** Two municipalities outside the pilot share the table, as they would. */
export const MUNICIPALITIES = [...PILOT_MUNICIPALITIES, "0127", "0180"];
const SUBJECT_REF = "3fb077b287409b6ca881a40c3ad618e3d3a6ab89a09740a7a93713f82b5da1b6";
const SEALED = "v1.dev.c2FtcGxlLWl2LTEy.c2FtcGxlIHNlYWxlZCBpZGVudGl0eSwgbm90IGEgcmVhbCBvbmU6IGQ";

/** A deterministic pseudo-random sequence, so two runs feed the same events. */
export const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

const YEAR_START = Date.parse("2025-06-30T22:00:00Z");
const YEAR_MS = 365 * 86_400_000;

/** Event i of the stream: every counted type, and one the report skips, over the year and municipalities. */
export const eventAt = (i: number, next: () => number): CatalogueEvent => {
  const municipality = MUNICIPALITIES[Math.floor(next() * MUNICIPALITIES.length)] ?? "0880";
  const at = new Date(YEAR_START + Math.floor(next() * YEAR_MS));
  const iso = at.toISOString();
  const later = (hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();
  const base = { municipality, correlationId: `bench-${i}`, occurredAt: at };
  const id = `b${i}`;
  switch (i % 8) {
    case 0:
      return newEvent(referralReceived, {
        ...base,
        source: "intake",
        data: {
          referralId: id,
          kind: REFERRAL_KINDS[Math.floor(next() * REFERRAL_KINDS.length)] ?? "concern",
          unit: "mottag-barn",
          ageGroup: AGE_GROUPS[Math.floor(next() * AGE_GROUPS.length)] ?? "13-17",
          receivedAt: iso,
          subjectRef: SUBJECT_REF,
          firstOffence: false,
          deadlines: [],
        },
      });
    case 1:
      return newEvent(referralAssessed, {
        ...base,
        source: "intake",
        data: {
          referralId: id,
          kind: "concern",
          unit: "mottag-barn",
          ageGroup: "13-17",
          receivedAt: iso,
          assessedAt: later(24 * 20 * next()),
          dueAt: later(24 * 14),
          assessment: "pre-assessment",
          openInvestigation: next() < 0.5,
        },
      });
    case 2: {
      const leadDays = Math.floor(next() * 200);
      return newEvent(releaseNoticeReceived, {
        ...base,
        source: "release-notices",
        data: {
          noticeId: id,
          expectedReleaseDate: "2027-01-15",
          releaseType: "conditional",
          needs: ["housing"],
          receivedAt: iso,
          leadDays,
          onTime: leadDays >= 92,
          planDueDate: "2027-01-15",
          subjectRef: SUBJECT_REF,
          subjectSealed: SEALED,
        },
      });
    }
    case 3:
      return newEvent(releasePlanReady, {
        ...base,
        source: "release-notices",
        data: { noticeId: id, readyAt: iso, planDueDate: "2027-01-15", byReleaseDate: next() < 0.8 },
      });
    case 4:
      return newEvent(hotlineCallReceived, {
        ...base,
        source: "hotline",
        data: { callId: id, receivedAt: iso },
      });
    case 5:
      return newEvent(hotlineCallRouted, {
        ...base,
        source: "hotline",
        data: {
          callId: id,
          receivedAt: iso,
          answeredAt: later(0.01),
          chainPosition: next() < 0.8 ? 1 : 2,
          chainRole: "on-call",
        },
      });
    case 6: {
      const hours = next() * 40;
      return newEvent(hotlineTriageCompleted, {
        ...base,
        source: "hotline",
        data: {
          triageId: id,
          callId: id,
          origin: "answered",
          receivedAt: iso,
          completedAt: later(hours),
          dueAt: later(24),
          withinDeadline: hours <= 24,
          hoursToComplete: hours,
          steps: {
            "threat-assessment": "done",
            "protective-placement": next() < 0.2 ? "done" : "not-needed",
            decision: "done",
            "financial-assistance": "not-needed",
          },
        },
      });
    }
    default:
      return newEvent(hotlineCallUnanswered, {
        ...base,
        source: "hotline",
        data: {
          callId: id,
          receivedAt: iso,
          endedAt: later(0.05),
          reason: "chain-exhausted",
          attempts: 3,
          voicemailRecorded: false,
          triageId: id,
        },
      });
  }
};
