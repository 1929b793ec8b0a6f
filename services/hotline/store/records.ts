import * as z from "zod";
import { DEADLINE_STATES } from "../../../shared/domain/deadline";
import { CHAIN_ROLES, TRIAGE_ORIGINS } from "../../../shared/events/catalogue/hotline";
import { sealedSchema } from "../../../shared/events/envelope";
import { CALL_STATES, type Call } from "../domain/call";
import type { OnCallSchedule } from "../domain/on-call-schedule";
import { NOTIFICATION_STATES, STEP_STATUSES, TRIAGE_STATUSES, type Triage } from "../domain/triage-state";

/**
 * The items of the hotline table. Each is validated on the way out of the table, never cast, and
 * handed on without its keys and index attributes: the rules see only the state.
 */

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A stored item that fails its schema is our bug, not the caller's: fail loudly, name no value.
 * Each schema is built on its first use: a function reads one or two kinds of item, and building
 * the others would only lengthen its cold start.
 */
const parser = <S extends z.ZodType>(build: () => S, what: string) => {
  let schema: S | undefined;
  return (item: Record<string, unknown> | undefined): z.output<S> | undefined => {
    if (!item) return undefined;
    schema ??= build();
    const parsed = schema.safeParse(item);
    if (!parsed.success)
      throw new Error(
        `stored ${what} does not match its schema at ${parsed.error.issues[0]?.path.join(".")}`,
      );
    return parsed.data;
  };
};

const memberRecord = z.object({ id: z.string(), name: z.string(), phone: z.string().optional() });

const scheduleRecordSchema = () =>
  z.object({
    pk: z.string(),
    sk: z.literal("SCHEDULE"),
    municipality: z.string(),
    // Optional: schedules saved before issue 13 have none.
    hotlineNumber: z.string().optional(),
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

const callRecordSchema = () =>
  z.object({
    pk: z.string(),
    sk: z.literal("CALL"),
    callId: z.string(),
    municipality: z.string(),
    triageId: z.string(),
    receivedAt: isoDateTime,
    chain: z.array(z.object({ memberId: z.string(), role: z.enum(CHAIN_ROLES), phone: z.string() })),
    ringSeconds: z.number().int(),
    fallbackMessage: z.string().optional(),
    acknowledgeMinutes: z.object({ open: z.number().int(), "callback-needed": z.number().int() }).optional(),
    attempt: z.number().int().nonnegative(),
    state: z.enum(CALL_STATES),
    answeredAt: isoDateTime.optional(),
    endedAt: isoDateTime.optional(),
    version: z.number().int().nonnegative(),
    expiresAt: z.number().int(),
  });

const stepRecord = z.object({
  status: z.enum(STEP_STATUSES),
  noteSealed: z.optional(sealedSchema),
  reasonSealed: z.optional(sealedSchema),
  // Written in clear before issue 13; read so that such items still open, sealed on the next change.
  note: z.string().optional(),
  reason: z.string().optional(),
  at: isoDateTime.optional(),
  by: z.string().optional(),
});

const triageRecordSchema = () =>
  z.object({
    pk: z.string(),
    sk: z.literal("TRIAGE"),
    id: z.string(),
    callId: z.string(),
    municipality: z.string(),
    status: z.enum(TRIAGE_STATUSES),
    origin: z.enum(TRIAGE_ORIGINS).optional(),
    receivedAt: isoDateTime,
    openedAt: isoDateTime.optional(),
    acknowledgeMinutes: z.object({ open: z.number().int(), "callback-needed": z.number().int() }).optional(),
    answeredBy: z.string().optional(),
    answeredRole: z.enum(CHAIN_ROLES).optional(),
    managerId: z.string().optional(),
    callerSealed: z.optional(sealedSchema),
    subjectRef: z.string().optional(),
    subjectSealed: z.optional(sealedSchema),
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
        notification: z.enum(NOTIFICATION_STATES).optional(),
        notifiedAt: isoDateTime.optional(),
        attempts: z.number().int().nonnegative().optional(),
        sendingSince: isoDateTime.optional(),
      })
      .optional(),
    completedAt: isoDateTime.optional(),
    version: z.number().int().nonnegative(),
    gsi1pk: z.string().optional(),
    gsi1sk: z.string().optional(),
    gsi2pk: z.string(),
    gsi2sk: z.string(),
    /** The worklist (gsi3): absent once the triage is completed. */
    gsi3pk: z.string().optional(),
    gsi3sk: z.string().optional(),
    expiresAt: z.number().int(),
  });

const parseSchedule = parser(scheduleRecordSchema, "schedule");
const parseCall = parser(callRecordSchema, "call");
const parseTriage = parser(triageRecordSchema, "triage");

export const scheduleFromItem = (item: Record<string, unknown> | undefined): OnCallSchedule | undefined => {
  const record = parseSchedule(item);
  if (!record) return undefined;
  const { pk: _pk, sk: _sk, ...schedule } = record;
  return schedule;
};

export const callFromItem = (item: Record<string, unknown> | undefined): Call | undefined => {
  const record = parseCall(item);
  if (!record) return undefined;
  const { pk: _pk, sk: _sk, ...call } = record;
  return call;
};

export const triageFromItem = (item: Record<string, unknown> | undefined): Triage | undefined => {
  const record = parseTriage(item);
  if (!record) return undefined;
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _1p,
    gsi1sk: _1s,
    gsi2pk: _2p,
    gsi2sk: _2s,
    gsi3pk: _3p,
    gsi3sk: _3s,
    ...triage
  } = record;
  return triage;
};
