import type { UNANSWERED_REASONS } from "../../../shared/events/catalogue/hotline";
import type { CallState } from "./call-state";
import { callReceived, callRouted, callUnanswered, type EventDraft, triageOpened } from "./event-drafts";
import { type ChainLink, escalationChain, type Schedule } from "./rotation";
import { retentionExpiry, triageDueAt } from "./triage-clock";
import {
  type AcknowledgeMinutes,
  ALL_PENDING,
  type ChainRole,
  type Triage,
  type TriageOrigin,
} from "./triage-state";

/**
 * A call, pure: it comes in, rings the chain one person at a time, and ends answered or as a
 * callback task. Each transition gives the call's next state, the triage it opens and the events
 * to emit; a retried webhook finds nothing left to change and gets the answer the state gives.
 */

type UnansweredReason = (typeof UNANSWERED_REASONS)[number];

export interface Call {
  /** The provider's call id: a retried webhook names the same call. */
  readonly callId: string;
  readonly municipality: string;
  readonly triageId: string;
  readonly receivedAt: string;
  /**
   * Who this call rings, fixed when it came in, so a schedule changed mid-call does not reshuffle
   * it. Staff phones are personal data: here and in the schedule only, never in a key or event.
   */
  readonly chain: readonly ChainLink[];
  readonly ringSeconds: number;
  readonly fallbackMessage?: string | undefined;
  /** The municipality's escalation times on the day the call came in (its settings); its triage keeps them. */
  readonly acknowledgeMinutes?: AcknowledgeMinutes | undefined;
  /** The position (1-based) of the ring in progress or last made; 0 when nobody was rung. */
  readonly attempt: number;
  readonly state: CallState;
  readonly answeredAt?: string | undefined;
  readonly endedAt?: string | undefined;
  readonly version: number;
  /** Retention (gallring), epoch seconds. */
  readonly expiresAt: number;
}

/** What the call should do next, before it is put in the provider's terms with our webhook URLs. */
export type CallStep =
  | {
      readonly kind: "connect";
      readonly to: string;
      readonly ringSeconds: number;
      /** The chain position rung: the `next` webhook names it, so a retried `next` is recognised. */
      readonly position: number;
    }
  /** The recorded message; undefined: the service's default (or the provider's tone). */
  | { readonly kind: "message"; readonly message: string | undefined }
  | { readonly kind: "end" };

export const RECORDED_MESSAGE: CallStep = { kind: "message", message: undefined };

/** Without a schedule nobody is rung; the record still names a ring timeout. */
const DEFAULT_RING_SECONDS = 30;

export const newCall = (input: {
  readonly callId: string;
  readonly municipality: string;
  readonly triageId: string;
  readonly schedule: Schedule | undefined;
  readonly now: Date;
  readonly acknowledgeMinutes?: AcknowledgeMinutes | undefined;
}): Call => {
  const { schedule, now } = input;
  const chain = schedule ? escalationChain(schedule, now) : [];
  const ringing = chain.length > 0;
  return {
    callId: input.callId,
    municipality: input.municipality,
    triageId: input.triageId,
    receivedAt: now.toISOString(),
    chain,
    ringSeconds: schedule?.ringSeconds ?? DEFAULT_RING_SECONDS,
    ...(schedule?.fallbackMessage ? { fallbackMessage: schedule.fallbackMessage } : {}),
    ...(input.acknowledgeMinutes ? { acknowledgeMinutes: input.acknowledgeMinutes } : {}),
    attempt: ringing ? 1 : 0,
    state: ringing ? "ringing" : "unanswered",
    version: 0,
    expiresAt: retentionExpiry(now),
  };
};

/**
 * The triage a call opens, as the call alone tells it: `ringing` while the call rings, a callback
 * task when nobody was there to ring. The one place a triage is built.
 */
export const triageOfCall = (
  call: Call,
  extra: { readonly managerId?: string | undefined; readonly callerSealed?: string | undefined } = {},
): Triage => {
  const ringing = call.state === "ringing";
  return {
    id: call.triageId,
    callId: call.callId,
    municipality: call.municipality,
    status: ringing ? "ringing" : "callback-needed",
    ...(ringing ? {} : { origin: "callback" as const, openedAt: call.receivedAt }),
    receivedAt: call.receivedAt,
    ...(call.acknowledgeMinutes ? { acknowledgeMinutes: call.acknowledgeMinutes } : {}),
    ...(extra.managerId ? { managerId: extra.managerId } : {}),
    ...(extra.callerSealed ? { callerSealed: extra.callerSealed } : {}),
    deadline: { dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(), state: "open" },
    steps: ALL_PENDING,
    version: 0,
    expiresAt: call.expiresAt,
  };
};

/** The two events of a call nobody took: why, and the callback task it became. */
const unansweredEvents = (call: Call, reason: UnansweredReason, attempts: number, now: Date) => [
  callUnanswered({
    callId: call.callId,
    receivedAt: call.receivedAt,
    endedAt: now.toISOString(),
    reason,
    attempts,
    voicemailRecorded: false,
    triageId: call.triageId,
  }),
  triageOpened({
    triageId: call.triageId,
    callId: call.callId,
    receivedAt: call.receivedAt,
    openedAt: now.toISOString(),
    dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(),
    status: "callback-needed",
  }),
];

/** What a new call emits: always `received`; with nobody to ring, at once the callback task too. */
export const receivedEvents = (call: Call): EventDraft[] => [
  callReceived({ callId: call.callId, receivedAt: call.receivedAt }),
  ...(call.state === "unanswered"
    ? unansweredEvents(call, "nobody-on-call", 0, new Date(call.receivedAt))
    : []),
];

/** What the call should do in the state it is in: the same state always gives the same answer. */
export const stepOf = (call: Call): CallStep => {
  if (call.state === "answered") return { kind: "end" };
  const link = call.chain[call.attempt - 1];
  if (call.state === "unanswered" || !link) return { kind: "message", message: call.fallbackMessage };
  return { kind: "connect", to: link.phone, ringSeconds: call.ringSeconds, position: call.attempt };
};

/** How a ringing call's triage opens. */
export interface TriageOpening {
  readonly status: "open" | "callback-needed";
  readonly openedAt: string;
  readonly origin: TriageOrigin;
  readonly answeredBy?: string | undefined;
  readonly answeredRole?: ChainRole | undefined;
}

/** A ringing call's triage opens without being read: while it rings, the call says all there is. */
export interface OpenedTriage {
  readonly opening: TriageOpening;
  /** The triage after the opening, as far as the call tells: enough to place it on the indexes. */
  readonly triage: Triage;
}

const opened = (call: Call, opening: TriageOpening): OpenedTriage => ({
  opening,
  triage: { ...triageOfCall(call), ...opening },
});

const asCallback = (call: Call, now: Date): OpenedTriage =>
  opened(call, { status: "callback-needed", openedAt: now.toISOString(), origin: "callback" });

export interface CallChange {
  /** `answered`, rung `onward`, `unanswered` (a callback task) or `ended` after an answer. */
  readonly kind: "answered" | "onward" | "unanswered" | "ended";
  /** The call as read: the change holds only if nobody moved it since. */
  readonly before: Call;
  readonly call: Call;
  readonly opening?: OpenedTriage | undefined;
  readonly events: readonly EventDraft[];
}

export type RingOutcome =
  /** Nothing to change (a retried or outdated result): answer from this state. */
  { readonly kind: "as-is"; readonly call: Call } | { readonly kind: "change"; readonly change: CallChange };

/** A ring ended: answered, or on to the next in the chain, or (the chain exhausted) the message. */
export const ringEnded = (
  stored: Call,
  answered: boolean,
  attempt: number | undefined,
  now: Date,
): RingOutcome => {
  // The URL names a later ring than the record: the step that led there was answered but not
  // written (storage failed). Catch up, so the chain goes on instead of ringing the same person.
  const call: Call =
    stored.state === "ringing" &&
    attempt !== undefined &&
    attempt > stored.attempt &&
    attempt <= stored.chain.length
      ? { ...stored, attempt }
      : stored;
  // A retry of a result already acted on (or an outcome of a ring long replaced) changes nothing.
  if (call.state !== "ringing" || (attempt !== undefined && attempt !== call.attempt)) {
    return { kind: "as-is", call };
  }
  const at = now.toISOString();
  const version = call.version + 1;
  const link = call.chain[call.attempt - 1];
  if (answered && link) {
    const opening = opened(call, {
      status: "open",
      openedAt: at,
      origin: "answered",
      answeredBy: link.memberId,
      answeredRole: link.role,
    });
    const events = [
      callRouted({
        callId: call.callId,
        receivedAt: call.receivedAt,
        answeredAt: at,
        chainPosition: call.attempt,
        chainRole: link.role,
      }),
      triageOpened({
        triageId: call.triageId,
        callId: call.callId,
        receivedAt: call.receivedAt,
        openedAt: at,
        dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(),
        status: "open",
      }),
    ];
    const next: Call = { ...call, state: "answered", answeredAt: at, version };
    return { kind: "change", change: { kind: "answered", before: call, call: next, opening, events } };
  }
  if (call.attempt < call.chain.length) {
    const next: Call = { ...call, attempt: call.attempt + 1, version };
    return { kind: "change", change: { kind: "onward", before: call, call: next, events: [] } };
  }
  return {
    kind: "change",
    change: {
      kind: "unanswered",
      before: call,
      call: { ...call, state: "unanswered", version },
      opening: asCallback(call, now),
      events: unansweredEvents(call, "chain-exhausted", call.chain.length, now),
    },
  };
};

/** The call ended. If nobody had answered yet, the caller gave up: a callback task. */
export const hangUp = (call: Call, now: Date): CallChange | undefined => {
  if (call.endedAt) return undefined;
  const endedAt = now.toISOString();
  const version = call.version + 1;
  if (call.state !== "ringing") {
    return { kind: "ended", before: call, call: { ...call, endedAt, version }, events: [] };
  }
  return {
    kind: "unanswered",
    before: call,
    call: { ...call, state: "unanswered", endedAt, version },
    opening: asCallback(call, now),
    events: unansweredEvents(call, "caller-hung-up", call.attempt, now),
  };
};

/** A call still ringing whose provider never reported back: a callback task, as if the caller hung up. */
export const abandon = (call: Call, now: Date): CallChange | undefined =>
  call.state !== "ringing"
    ? undefined
    : {
        kind: "unanswered",
        before: call,
        call: { ...call, state: "unanswered", version: call.version + 1 },
        opening: asCallback(call, now),
        events: unansweredEvents(call, "caller-hung-up", call.attempt, now),
      };

/**
 * The next ring for a call we hold no record of (its first write failed, or the table cannot be
 * read now): the chain built afresh from the schedule, the position taken from the `attempt` in the
 * URL we handed out.
 */
export const ringFromSchedule = (
  schedule: Schedule | undefined,
  attempt: number | undefined,
  now: Date,
): CallStep => {
  const position = (attempt ?? 1) + 1;
  const link = schedule ? escalationChain(schedule, now)[position - 1] : undefined;
  if (!schedule || !link) return { kind: "message", message: schedule?.fallbackMessage };
  return { kind: "connect", to: link.phone, ringSeconds: schedule.ringSeconds, position };
};
