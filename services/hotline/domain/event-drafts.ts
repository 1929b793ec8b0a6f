import type { z } from "zod/mini";
import type { deadlineBreached } from "../../../shared/events/catalogue/deadlines";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageCompleted,
  hotlineTriageOpened,
} from "../../../shared/events/catalogue/hotline";
import type { EventContract } from "../../../shared/events/envelope";

/**
 * An event the rules decided on: its contract and its data. The application layer wraps each in
 * an envelope (id, time, municipality, correlation id) when it commits the change. A breach's draft
 * is breach-draft.ts: only the functions that can breach a deadline build its contract.
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
