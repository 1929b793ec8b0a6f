import * as z from "zod/mini";
import { DEADLINE_STATES } from "../../../shared/domain/deadline";
import { CHAIN_ROLES, TRIAGE_ORIGINS } from "../../../shared/events/catalogue/hotline";
import { sealedSchema } from "../../../shared/events/envelope";
import { builtOnFirstUse } from "../../../shared/lazy";
import { parseStored } from "../../../shared/stored-item";
import type { Call } from "../domain/call";
import { CALL_STATES } from "../domain/call-state";
import type { OnCallSchedule } from "../domain/on-call-schedule";
import { NOTIFICATION_STATES, STEP_STATUSES, TRIAGE_STATUSES, type Triage } from "../domain/triage-state";

/**
 * The items of the hotline table. Each is validated on the way out of the table, never cast, and
 * handed on without its keys and index attributes: the rules see only the state.
 */

/**
 * A stored item that fails its schema is our bug, not the caller's: fail loudly, name no value.
 * Each schema is built on its first use, its parts too: a function reads one or two kinds of item,
 * and building the others would only lengthen its cold start.
 */
const parser = <S extends z.core.$ZodType>(build: () => S, what: string) => {
  const schema = builtOnFirstUse(build);
  return (item: Record<string, unknown> | undefined): z.output<S> | undefined =>
    item ? parseStored(schema(), item, what) : undefined;
};

const isoDateTime = () => z.iso.datetime({ offset: true });

const scheduleRecordSchema = () => {
  const memberRecord = z.object({ id: z.string(), name: z.string(), phone: z.optional(z.string()) });
  const instant = isoDateTime();
  return z.object({
    pk: z.string(),
    sk: z.literal("SCHEDULE"),
    municipality: z.string(),
    // Optional: schedules saved before issue 13 have none.
    hotlineNumber: z.optional(z.string()),
    timeZone: z.string(),
    handoffTime: z.string(),
    rotation: z.object({
      startDate: z.iso.date(),
      shiftDays: z.number().check(z.int(), z.minimum(1)),
      members: z.array(memberRecord).check(z.minLength(1)),
    }),
    overrides: z.array(z.object({ start: instant, end: instant, memberId: z.string() })),
    manager: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
    ringSeconds: z.number().check(z.int()),
    fallbackMessage: z.optional(z.string()),
    updatedAt: instant,
    updatedBy: z.string(),
    version: z.number().check(z.int(), z.nonnegative()),
  });
};

const callRecordSchema = () => {
  const instant = isoDateTime();
  return z.object({
    pk: z.string(),
    sk: z.literal("CALL"),
    callId: z.string(),
    municipality: z.string(),
    triageId: z.string(),
    receivedAt: instant,
    chain: z.array(z.object({ memberId: z.string(), role: z.enum(CHAIN_ROLES), phone: z.string() })),
    ringSeconds: z.number().check(z.int()),
    fallbackMessage: z.optional(z.string()),
    acknowledgeMinutes: z.optional(
      z.object({ open: z.number().check(z.int()), "callback-needed": z.number().check(z.int()) }),
    ),
    attempt: z.number().check(z.int(), z.nonnegative()),
    state: z.enum(CALL_STATES),
    answeredAt: z.optional(instant),
    endedAt: z.optional(instant),
    version: z.number().check(z.int(), z.nonnegative()),
    expiresAt: z.number().check(z.int()),
  });
};

const triageRecordSchema = () => {
  const instant = isoDateTime();
  const stepRecord = z.object({
    status: z.enum(STEP_STATUSES),
    noteSealed: z.optional(sealedSchema),
    reasonSealed: z.optional(sealedSchema),
    // Written in clear before issue 13; read so that such items still open, sealed on the next change.
    note: z.optional(z.string()),
    reason: z.optional(z.string()),
    at: z.optional(instant),
    by: z.optional(z.string()),
  });
  return z.object({
    pk: z.string(),
    sk: z.literal("TRIAGE"),
    id: z.string(),
    callId: z.string(),
    municipality: z.string(),
    status: z.enum(TRIAGE_STATUSES),
    origin: z.optional(z.enum(TRIAGE_ORIGINS)),
    receivedAt: instant,
    openedAt: z.optional(instant),
    acknowledgeMinutes: z.optional(
      z.object({ open: z.number().check(z.int()), "callback-needed": z.number().check(z.int()) }),
    ),
    answeredBy: z.optional(z.string()),
    answeredRole: z.optional(z.enum(CHAIN_ROLES)),
    managerId: z.optional(z.string()),
    callerSealed: z.optional(sealedSchema),
    subjectRef: z.optional(z.string()),
    subjectSealed: z.optional(sealedSchema),
    deadline: z.object({ dueAt: instant, state: z.enum(DEADLINE_STATES) }),
    steps: z.object({
      "threat-assessment": stepRecord,
      "protective-placement": stepRecord,
      decision: stepRecord,
      "financial-assistance": stepRecord,
    }),
    acknowledged: z.optional(z.object({ at: instant, by: z.string() })),
    escalated: z.optional(
      z.object({
        at: instant,
        to: z.string(),
        notification: z.optional(z.enum(NOTIFICATION_STATES)),
        notifiedAt: z.optional(instant),
        attempts: z.optional(z.number().check(z.int(), z.nonnegative())),
        sendingSince: z.optional(instant),
      }),
    ),
    completedAt: z.optional(instant),
    version: z.number().check(z.int(), z.nonnegative()),
    gsi1pk: z.optional(z.string()),
    gsi1sk: z.optional(z.string()),
    gsi2pk: z.string(),
    gsi2sk: z.string(),
    /** The worklist (gsi3): absent once the triage is completed. */
    gsi3pk: z.optional(z.string()),
    gsi3sk: z.optional(z.string()),
    expiresAt: z.number().check(z.int()),
  });
};

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
