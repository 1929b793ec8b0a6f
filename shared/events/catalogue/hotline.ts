import * as z from "zod/mini";
import { defineEvent, entityIdSchema, isoDateTimeSchema, sealedSchema, subjectRefSchema } from "../envelope";

/*
 * The caller's number never appears in these events, not even hashed: the number space is small
 * enough that a hash of it is reversible by enumeration, and no consumer needs to link calls by
 * number. A call is named by our own call id; a person only by the identity recorded in a triage.
 */

/** Who in the escalation chain answered, by role rather than by person. */
export const CHAIN_ROLES = ["on-call", "rotation", "manager"] as const;
export const UNANSWERED_REASONS = [
  /** Everyone in the chain was rung and nobody answered: recorded message, callback task. */
  "chain-exhausted",
  /** The schedule had nobody on call at that moment: straight to the recorded message. */
  "nobody-on-call",
  /** The caller hung up before anyone answered. */
  "caller-hung-up",
] as const;
export const TRIAGE_STEPS = [
  "threat-assessment",
  "protective-placement",
  "decision",
  "financial-assistance",
] as const;
/** A completed triage has no pending step: each was done or explicitly not needed. */
export const COMPLETED_STEP_STATUSES = ["done", "not-needed"] as const;
export const TRIAGE_ORIGINS = ["answered", "callback"] as const;

export const chainRoleSchema = z.enum(CHAIN_ROLES);
export const triageStepSchema = z.enum(TRIAGE_STEPS);

const idSchema = entityIdSchema;
const completedStep = z.enum(COMPLETED_STEP_STATUSES);

/** One per incoming call, before any routing: the denominator of every call figure. */
export const hotlineCallReceived = defineEvent("hotline.call.received", 1, () =>
  z.object({
    callId: idSchema,
    receivedAt: isoDateTimeSchema,
  }),
);

/**
 * The call reached a person. Exactly one of `hotline.call.routed` and `hotline.call.unanswered`
 * follows each received call.
 */
export const hotlineCallRouted = defineEvent("hotline.call.routed", 1, () =>
  z.object({
    callId: idSchema,
    receivedAt: isoDateTimeSchema,
    /** When the hotline learned the call was answered (the provider's `success`). */
    answeredAt: isoDateTimeSchema,
    /** 1 is the first in the chain: "answered by the first" is `chainPosition === 1`. */
    chainPosition: z.int().check(z.minimum(1)),
    chainRole: chainRoleSchema,
  }),
);

export const hotlineCallUnanswered = defineEvent("hotline.call.unanswered", 1, () =>
  z.object({
    callId: idSchema,
    receivedAt: isoDateTimeSchema,
    endedAt: isoDateTimeSchema,
    reason: z.enum(UNANSWERED_REASONS),
    /** How many people were rung; 0 when nobody was on call. */
    attempts: z.int().check(z.minimum(0)),
    voicemailRecorded: z.boolean(),
    /** The triage opened as an urgent callback task. */
    triageId: idSchema,
  }),
);

/**
 * Every call opens a triage with a 24-hour clock from the call: `open` when answered,
 * `callback-needed` when nobody answered.
 */
export const hotlineTriageOpened = defineEvent("hotline.triage.opened", 1, () =>
  z.object({
    triageId: idSchema,
    callId: idSchema,
    receivedAt: isoDateTimeSchema,
    openedAt: isoDateTimeSchema,
    dueAt: isoDateTimeSchema,
    status: z.enum(["open", "callback-needed"]),
  }),
);

/**
 * The end of a triage, with what it led to. Intake turns one with `subject` into a `hotline`
 * referral, and one whose financial-assistance step was done into a referral to
 * `ekonomiskt-bistand` (source `hotline-triage`, id `triageId`).
 */
export const hotlineTriageCompleted = defineEvent("hotline.triage.completed", 1, () =>
  z
    .object({
      triageId: idSchema,
      callId: idSchema,
      origin: z.enum(TRIAGE_ORIGINS),
      /** The call's time: the 24-hour clock runs from it. */
      receivedAt: isoDateTimeSchema,
      completedAt: isoDateTimeSchema,
      dueAt: isoDateTimeSchema,
      /** Completed at or before `dueAt`. */
      withinDeadline: z.boolean(),
      /** From `receivedAt` to `completedAt`, so that a median needs no date arithmetic. */
      hoursToComplete: z.number().check(z.minimum(0)),
      steps: z.object({
        "threat-assessment": completedStep,
        "protective-placement": completedStep,
        decision: completedStep,
        "financial-assistance": completedStep,
      }),
      /**
       * The person, when the triage established who they are: always when the financial-assistance
       * step was done, since that step records the identity number. Sealed for intake.
       */
      subject: z.optional(z.object({ subjectRef: subjectRefSchema, subjectSealed: sealedSchema })),
    })
    .check(
      z.refine((data) => data.steps["financial-assistance"] !== "done" || data.subject !== undefined, {
        message: "a financial-assistance referral must carry the sealed subject",
        path: ["subject"],
      }),
    ),
);
