import type { z } from "zod/mini";
import { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  hotlineTriageOpened,
} from "../../../shared/events/catalogue/hotline";
import type { EventContract } from "../../../shared/events/envelope";
import type { Triage } from "./triage-state";

/**
 * An event the rules decided on: its contract and its data. The application layer wraps each in
 * an envelope (id, time, municipality, correlation id) when it commits the change.
 */
interface Draft<C extends EventContract> {
  readonly contract: C;
  readonly data: z.input<C["data"]>;
}

export type EventDraft =
  | Draft<typeof hotlineCallReceived>
  | Draft<typeof hotlineCallRouted>
  | Draft<typeof hotlineCallUnanswered>
  | Draft<typeof hotlineTriageOpened>
  | Draft<typeof hotlineTriageCompleted>
  | Draft<typeof deadlineBreached>;

export const callReceived = (data: Draft<typeof hotlineCallReceived>["data"]): EventDraft => ({
  contract: hotlineCallReceived,
  data,
});

export const callRouted = (data: Draft<typeof hotlineCallRouted>["data"]): EventDraft => ({
  contract: hotlineCallRouted,
  data,
});

export const callUnanswered = (data: Draft<typeof hotlineCallUnanswered>["data"]): EventDraft => ({
  contract: hotlineCallUnanswered,
  data,
});

export const triageOpened = (data: Draft<typeof hotlineTriageOpened>["data"]): EventDraft => ({
  contract: hotlineTriageOpened,
  data,
});

export const triageCompleted = (data: Draft<typeof hotlineTriageCompleted>["data"]): EventDraft => ({
  contract: hotlineTriageCompleted,
  data,
});

/** The 24 hours ran out: one `deadline.breached` per triage, from the sweep or a late completion. */
export const triageBreached = (triage: Triage, now: Date): EventDraft => ({
  contract: deadlineBreached,
  data: {
    service: "hotline",
    subject: { type: "triage", id: triage.id },
    deadline: "triage-24h",
    dueAt: triage.deadline.dueAt,
    breachedAt: now.toISOString(),
  },
});
