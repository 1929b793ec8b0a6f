import { z } from "zod";
import { CHAIN_ROLES, TRIAGE_ORIGINS } from "../../shared/events/catalogue/hotline";
import { DEADLINE_STATES, STEP_STATUSES, TRIAGE_STATUSES } from "./contract";

const isoDateTime = z.iso.datetime({ offset: true });

/** Items are validated on the way out of the table, never cast. */
const parser =
  <S extends z.ZodType>(schema: S, what: string) =>
  (item: Record<string, unknown> | undefined): z.output<S> | undefined => {
    if (!item) return undefined;
    const parsed = schema.safeParse(item);
    // A stored item that fails its schema is our bug, not the caller's: fail loudly, name no value.
    if (!parsed.success)
      throw new Error(
        `stored ${what} does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`,
      );
    return parsed.data;
  };

const memberRecord = z.object({ id: z.string(), name: z.string(), phone: z.string().optional() });

export const scheduleRecordSchema = z.object({
  pk: z.string(),
  sk: z.literal("SCHEDULE"),
  municipality: z.string(),
  timeZone: z.string(),
  handoffTime: z.string(),
  rotation: z.object({
    startDate: z.iso.date(),
    shiftDays: z.number().int().min(1),
    members: z.array(memberRecord).min(1),
  }),
  overrides: z.array(z.object({ start: isoDateTime, end: isoDateTime, memberId: z.string() })),
  manager: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  ringSeconds: z.number().int(),
  fallbackMessage: z.string().optional(),
  updatedAt: isoDateTime,
  updatedBy: z.string(),
  version: z.number().int().nonnegative(),
});
export type ScheduleRecord = z.infer<typeof scheduleRecordSchema>;
export const parseScheduleRecord = parser(scheduleRecordSchema, "schedule");

export const NOTIFICATION_STATES = ["pending", "sent", "not-configured", "no-recipient"] as const;

export const CALL_STATES = ["ringing", "answered", "unanswered"] as const;

export const callRecordSchema = z.object({
  pk: z.string(),
  sk: z.literal("CALL"),
  callId: z.string(),
  municipality: z.string(),
  triageId: z.string(),
  receivedAt: isoDateTime,
  /**
   * Who this call rings, fixed when it came in, so a schedule changed mid-call does not reshuffle
   * it. Staff phones are personal data: here and in the schedule only, never in a key or event.
   */
  chain: z.array(z.object({ memberId: z.string(), role: z.enum(CHAIN_ROLES), phone: z.string() })),
  ringSeconds: z.number().int(),
  fallbackMessage: z.string().optional(),
  /** The position (1-based) of the ring in progress or last made; 0 when nobody was rung. */
  attempt: z.number().int().nonnegative(),
  state: z.enum(CALL_STATES),
  answeredAt: isoDateTime.optional(),
  endedAt: isoDateTime.optional(),
  version: z.number().int().nonnegative(),
  expiresAt: z.number().int(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;
export const parseCallRecord = parser(callRecordSchema, "call");

const stepRecord = z.object({
  status: z.enum(STEP_STATUSES),
  note: z.string().optional(),
  reason: z.string().optional(),
  at: isoDateTime.optional(),
  by: z.string().optional(),
});

export const triageRecordSchema = z.object({
  pk: z.string(),
  sk: z.literal("TRIAGE"),
  id: z.string(),
  callId: z.string(),
  municipality: z.string(),
  status: z.enum(TRIAGE_STATUSES),
  origin: z.enum(TRIAGE_ORIGINS).optional(),
  receivedAt: isoDateTime,
  openedAt: isoDateTime.optional(),
  answeredBy: z.string().optional(),
  answeredRole: z.enum(CHAIN_ROLES).optional(),
  /** Who an unacknowledged triage goes to; from the schedule when the call came in. */
  managerId: z.string().optional(),
  /** The caller's number, sealed (bound to this triage's id): never in clear at rest. */
  callerSealed: z.string().optional(),
  subjectRef: z.string().optional(),
  /** The person's identity number, sealed, once the financial-assistance step recorded it. */
  subjectSealed: z.string().optional(),
  deadline: z.object({ dueAt: isoDateTime, state: z.enum(DEADLINE_STATES) }),
  steps: z.object({
    "threat-assessment": stepRecord,
    "protective-placement": stepRecord,
    decision: stepRecord,
    "financial-assistance": stepRecord,
  }),
  acknowledged: z.object({ at: isoDateTime, by: z.string() }).optional(),
  escalated: z
    .object({
      at: isoDateTime,
      to: z.string(),
      /**
       * Telling the manager: `pending` until an SMS was accepted (`sent`, at `notifiedAt`);
       * `not-configured` / `no-recipient` when none could be sent (logged once, not retried).
       * Absent on escalations recorded before notification existed.
       */
      notification: z.enum(NOTIFICATION_STATES).optional(),
      notifiedAt: isoDateTime.optional(),
      /** Sends tried so far. */
      attempts: z.number().int().nonnegative().optional(),
      /** A sweep claimed the send at this time; another waits until the claim lapses. */
      sendingSince: isoDateTime.optional(),
    })
    .optional(),
  completedAt: isoDateTime.optional(),
  version: z.number().int().nonnegative(),
  gsi1pk: z.string().optional(),
  gsi1sk: z.string().optional(),
  gsi2pk: z.string(),
  gsi2sk: z.string(),
  expiresAt: z.number().int(),
});
export type TriageRecord = z.infer<typeof triageRecordSchema>;
export const parseTriageRecord = parser(triageRecordSchema, "triage");
