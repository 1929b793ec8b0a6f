/**
 * Interventions decided on a referral (and so for the person behind it): decided, started, ended
 * with an outcome. A referral's interventions are kept together, versioned as one, so that which
 * one started first is decided from everything recorded and a concurrent change is a lost race.
 *
 * Dates are Swedish calendar dates (`YYYY-MM-DD`), as a decision (beslutsdatum) is dated: not
 * before the referral was received, a start not before the decision, an end not before the start
 * (or the decision, when it never started), and none after today, like every other step recorded
 * (a report may not be dated in the future either).
 */
import {
  conflict,
  type Decision,
  type FieldIssue,
  fail,
  ok,
  unprocessable,
} from "../../../shared/domain/errors";
import {
  interventionDecided,
  interventionEnded,
  interventionStarted,
} from "../../../shared/events/catalogue/interventions";
import {
  type InterventionOutcome,
  type InterventionType,
  OUTCOMES_AFTER_START,
} from "../../../shared/interventions";
import { calendarDaysBetween, type IsoDate, stockholmDate } from "../../../shared/time";
import { findIntervention, type Intervention, type InterventionLedger } from "./intervention-ledger";
import { type AuditFact, draft, type EventDraft, type Recorded, type Referral } from "./referral";
import { referralFacts } from "./referral-events";
import { withInterventionEntry } from "./retention";

// What the reads use too, in a module without the events' catalogue (intervention-ledger.ts).
export {
  emptyLedger,
  findIntervention,
  type Intervention,
  type InterventionLedger,
} from "./intervention-ledger";

/**
 * One referral's interventions kept as one item: a handful per referral in practice; the bound
 * keeps the item, sealed notes included, far below DynamoDB's 400 KB.
 */
export const MAX_INTERVENTIONS_PER_REFERRAL = 50;

export interface InterventionTransition {
  /** The referral with this change as its last entry (domain/retention.ts): its expiry moves. */
  readonly referral: Referral;
  /** The referral's version the change was decided from. */
  readonly expectedReferralVersion: number;
  readonly ledger: InterventionLedger;
  /** The version decided from; 0 when the referral had none stored. */
  readonly expectedVersion: number;
  readonly intervention: Intervention;
  readonly events: readonly EventDraft[];
  readonly audit: readonly AuditFact[];
}

export interface DecideCommand {
  readonly id: string;
  readonly type: InterventionType;
  readonly decidedAt: IsoDate;
  readonly startedAt?: IsoDate | undefined;
  readonly descriptionSealed?: string | undefined;
  readonly noteSealed?: string | undefined;
}

export interface ChangeCommand {
  readonly startedAt?: IsoDate | undefined;
  readonly end?: { readonly endedAt: IsoDate; readonly outcome: InterventionOutcome } | undefined;
}

const unfit = (fields: FieldIssue[]): DomainFail =>
  fail(
    unprocessable("The dates do not fit the referral's and the intervention's", { fields, code: "dates" }),
  );
type DomainFail = Decision<never>;

/** A withdrawn referral was never a case: nothing is decided on it. */
const requireNotWithdrawn = (referral: Referral): Decision<Referral> =>
  referral.status === "withdrawn" ? fail(conflict("The referral is withdrawn", "not-active")) : ok(referral);

const notAfterToday = (path: string, date: IsoDate | undefined, today: IsoDate): FieldIssue[] =>
  date !== undefined && date > today ? [{ path, message: "must not be in the future" }] : [];

const eventFacts = (referral: Referral, intervention: Intervention) => ({
  ...referralFacts(referral),
  interventionId: intervention.id,
  type: intervention.type,
  decidedAt: intervention.decidedAt,
});

const startedDraft = (referral: Referral, intervention: Intervention, startedAt: IsoDate) =>
  draft(interventionStarted, {
    ...eventFacts(referral, intervention),
    startedAt,
    daysFromReferral: calendarDaysBetween(stockholmDate(new Date(referral.receivedAt)), startedAt),
    firstOnReferral: intervention.firstOnReferral === true,
  });

const endedDraft = (
  referral: Referral,
  intervention: Intervention,
  end: { readonly endedAt: IsoDate; readonly outcome: InterventionOutcome },
) =>
  draft(interventionEnded, {
    ...eventFacts(referral, intervention),
    ...(intervention.startedAt ? { startedAt: intervention.startedAt } : {}),
    endedAt: end.endedAt,
    outcome: end.outcome,
  });

const hasStarted = (ledger: InterventionLedger): boolean =>
  ledger.interventions.some((i) => i.startedAt !== undefined);

const withIntervention = (ledger: InterventionLedger, intervention: Intervention): InterventionLedger => ({
  referralId: ledger.referralId,
  interventions: ledger.interventions.some((i) => i.id === intervention.id)
    ? ledger.interventions.map((i) => (i.id === intervention.id ? intervention : i))
    : [...ledger.interventions, intervention],
  version: ledger.version + 1,
});

/** `POST /v1/referrals/{id}/interventions`: a decision, and its start when that is known. */
export const decideIntervention = (
  referral: Referral,
  ledger: InterventionLedger,
  command: DecideCommand,
  actor: string,
  now: Date,
): Decision<InterventionTransition> => {
  const open = requireNotWithdrawn(referral);
  if (!open.ok) return open;
  if (ledger.interventions.length >= MAX_INTERVENTIONS_PER_REFERRAL) {
    return fail(
      conflict(
        `A referral holds at most ${MAX_INTERVENTIONS_PER_REFERRAL} interventions; record further ones on a new referral`,
        "too-many-interventions",
      ),
    );
  }
  const today = stockholmDate(now);
  const received = stockholmDate(new Date(referral.receivedAt));
  const fields = [
    ...notAfterToday("decidedAt", command.decidedAt, today),
    ...notAfterToday("startedAt", command.startedAt, today),
  ];
  if (command.decidedAt < received)
    fields.push({ path: "decidedAt", message: "must not be before the referral was received" });
  if (command.startedAt !== undefined && command.startedAt < command.decidedAt)
    fields.push({ path: "startedAt", message: "must not be before decidedAt" });
  if (fields.length > 0) return unfit(fields);

  const at: Recorded = { at: now.toISOString(), by: actor };
  const started = command.startedAt !== undefined;
  const intervention: Intervention = {
    id: command.id,
    type: command.type,
    ...(command.descriptionSealed ? { descriptionSealed: command.descriptionSealed } : {}),
    ...(command.noteSealed ? { noteSealed: command.noteSealed } : {}),
    decidedAt: command.decidedAt,
    recorded: at,
    ...(command.startedAt !== undefined ? { startedAt: command.startedAt, startRecorded: at } : {}),
    ...(started && !hasStarted(ledger) ? { firstOnReferral: true as const } : {}),
  };
  const events = [draft(interventionDecided, eventFacts(referral, intervention))];
  if (command.startedAt !== undefined) events.push(startedDraft(referral, intervention, command.startedAt));
  const audit: AuditFact[] = [
    { referralId: referral.id, action: `intervention:decide:${intervention.id}`, actor, at: now },
  ];
  return ok({
    referral: withInterventionEntry(referral, now),
    expectedReferralVersion: referral.version,
    ledger: withIntervention(ledger, intervention),
    expectedVersion: ledger.version,
    intervention,
    events,
    audit,
  });
};

/**
 * `PATCH .../interventions/{interventionId}`: the start, the end with its outcome, or both. A step
 * already recorded with the same date changes nothing (a retry); with another date it is a
 * conflict, since the event counted it already.
 */
export const changeIntervention = (
  referral: Referral,
  ledger: InterventionLedger,
  interventionId: string,
  command: ChangeCommand,
  actor: string,
  now: Date,
): Decision<InterventionTransition | undefined> => {
  const open = requireNotWithdrawn(referral);
  if (!open.ok) return open;
  const found = findIntervention(ledger, interventionId);
  if (!found.ok) return found;
  const current = found.value;

  const { end } = command;
  const startsNow = command.startedAt !== undefined && current.startedAt === undefined;
  const endsNow = end !== undefined && current.endedAt === undefined;
  if (
    command.startedAt !== undefined &&
    current.startedAt !== undefined &&
    command.startedAt !== current.startedAt
  )
    return fail(
      conflict("The intervention's start is already recorded with another date", "already-started"),
    );
  if (
    end &&
    current.endedAt !== undefined &&
    (end.endedAt !== current.endedAt || end.outcome !== current.outcome)
  )
    return fail(conflict("The intervention's end is already recorded otherwise", "already-ended"));
  if (startsNow && current.endedAt !== undefined)
    return fail(conflict("The intervention has ended: its start can no longer be recorded", "already-ended"));
  if (!startsNow && !endsNow) return ok(undefined);

  const today = stockholmDate(now);
  const startedAt = command.startedAt ?? current.startedAt;
  const fields = [
    ...notAfterToday("startedAt", startsNow ? command.startedAt : undefined, today),
    ...notAfterToday("endedAt", endsNow ? end?.endedAt : undefined, today),
  ];
  if (startsNow && startedAt !== undefined && startedAt < current.decidedAt)
    fields.push({ path: "startedAt", message: "must not be before the decision (decidedAt)" });
  if (endsNow && end) {
    if (startedAt !== undefined && end.endedAt < startedAt)
      fields.push({ path: "endedAt", message: "must not be before startedAt" });
    else if (end.endedAt < current.decidedAt)
      fields.push({ path: "endedAt", message: "must not be before the decision (decidedAt)" });
    if (OUTCOMES_AFTER_START.includes(end.outcome) && startedAt === undefined)
      fields.push({ path: "outcome", message: `${end.outcome} needs a start (startedAt)` });
  }
  if (fields.length > 0) return unfit(fields);

  const at: Recorded = { at: now.toISOString(), by: actor };
  const next: Intervention = {
    ...current,
    ...(startsNow && startedAt !== undefined
      ? { startedAt, startRecorded: at, ...(hasStarted(ledger) ? {} : { firstOnReferral: true as const }) }
      : {}),
    ...(endsNow && end ? { endedAt: end.endedAt, outcome: end.outcome, endRecorded: at } : {}),
  };
  const events: EventDraft[] = [];
  const audit: AuditFact[] = [];
  if (startsNow && next.startedAt !== undefined) {
    events.push(startedDraft(referral, next, next.startedAt));
    audit.push({ referralId: referral.id, action: `intervention:start:${next.id}`, actor, at: now });
  }
  if (endsNow && end) {
    events.push(endedDraft(referral, next, end));
    audit.push({ referralId: referral.id, action: `intervention:end:${next.id}`, actor, at: now });
  }
  return ok({
    referral: withInterventionEntry(referral, now),
    expectedReferralVersion: referral.version,
    ledger: withIntervention(ledger, next),
    expectedVersion: ledger.version,
    intervention: next,
    events,
    audit,
  });
};
