import type { TransactItem } from "../../shared/dynamo";
import { hotlineTriageCompleted } from "../../shared/events/catalogue/hotline";
import {
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../shared/events/catalogue/release-notices";
import type { Outcome } from "../../shared/events/consumer";
import { PoisonMessageError } from "../../shared/events/consumer";
import type { Envelope } from "../../shared/events/envelope";
import { isEvent } from "../../shared/events/parse";
import type { IdentityNumber } from "../../shared/identity";
import { parseIdentityNumber, unseal } from "../../shared/identity";
import { deadlineOnTrigger, markDone } from "./deadlines";
import type { IntakeDeps } from "./deps";
import { sourceKey } from "./keys";
import { type Actor, type NewReferral, Referrals, withSchedule } from "./referrals";

/**
 * Turns other services' events into referrals. Each handler returns its writes and events; the
 * consumer commits them with the event's dedupe mark, so a redelivered event changes nothing. A
 * source (a notice, a triage) is keyed by its own id as well, so the same notice under two event
 * ids still makes one referral: the second finds the source row, or fails on it and is retried.
 */
export const intakeEventHandlers = (deps: IntakeDeps) => {
  const referrals = new Referrals(deps);

  const actorOf = (event: Envelope): Actor => ({
    actor: `event:${event.source}`,
    correlationId: event.correlationId,
  });

  /** The identity travels sealed; an event whose identity cannot be opened or read is never handleable. */
  const openIdentity = async (sealed: string, at: Date): Promise<IdentityNumber> => {
    const keys = await deps.keys.get();
    let canonical: string;
    try {
      canonical = unseal(sealed, keys.sealingKeys);
    } catch {
      throw new PoisonMessageError("the sealed identity could not be opened");
    }
    const identity = parseIdentityNumber(canonical, at);
    if (!identity) throw new PoisonMessageError("the sealed identity is not a valid identity number");
    return identity;
  };

  const create = async (input: NewReferral, event: Envelope, now: Date): Promise<Outcome> => {
    const prepared = await referrals.prepare(input, actorOf(event), now);
    return { writes: prepared.writes, events: prepared.events };
  };

  /** A notice's referral, from `received` or from an `updated` that overtook it. */
  const fromNotice = async (
    event: Envelope,
    data: {
      noticeId: string;
      subjectSealed: string;
      receivedAt: string;
      expectedReleaseDate: string;
    },
    now: Date,
    sourceUpdatedAt?: string,
  ): Promise<Outcome> => {
    const receivedAt = new Date(data.receivedAt);
    return create(
      {
        municipality: event.municipality,
        kind: "release",
        identity: await openIdentity(data.subjectSealed, receivedAt),
        receivedAt,
        firstOffence: false,
        financialAssistance: false,
        source: { type: "release-notice", id: data.noticeId, purpose: "main" },
        releaseDate: data.expectedReleaseDate,
        ...(sourceUpdatedAt ? { sourceUpdatedAt } : {}),
      },
      event,
      now,
    );
  };

  return {
    [releaseNoticeReceived.type]: async (
      event: Envelope,
      { now }: { now: Date },
    ): Promise<Outcome | undefined> => {
      if (!isEvent(event, releaseNoticeReceived)) return undefined;
      // Made already (another event id for the same notice) or withdrawn before it came: nothing to do.
      if (await referrals.readSource("release-notice", event.data.noticeId)) return undefined;
      return fromNotice(event, event.data, now);
    },

    [releaseNoticeUpdated.type]: async (
      event: Envelope,
      { now }: { now: Date },
    ): Promise<Outcome | undefined> => {
      if (!isEvent(event, releaseNoticeUpdated)) return undefined;
      const data = event.data;
      const source = await referrals.readSource("release-notice", data.noticeId);
      if (!source) return fromNotice(event, data, now, data.updatedAt);
      if (!source.referralId) return undefined;
      const current = await referrals.read(source.referralId);
      if (!current) throw new Error("a source row names a referral that does not exist");
      const active = current.status === "open" || current.status === "investigating";
      // An older update delivered late must not move the date back.
      if (!active || (current.sourceUpdatedAt !== undefined && current.sourceUpdatedAt >= data.updatedAt)) {
        return undefined;
      }
      const plan = deadlineOnTrigger(
        "release-date",
        { kind: "release", age: 18, firstOffence: false, financialAssistance: false },
        data.expectedReleaseDate,
      );
      // A plan already done stays done; otherwise the new date starts the deadline over.
      const deadlines = current.deadlines.map((d) =>
        d.type === "release-plan" && d.doneAt === undefined && plan ? plan : d,
      );
      const record = withSchedule({
        ...current,
        deadlines,
        sourceUpdatedAt: data.updatedAt,
        updatedAt: now.toISOString(),
        version: current.version + 1,
      });
      const writes: TransactItem[] = [
        referrals.save(record, current.version),
        referrals.auditPut(record.id, actorOf(event), "release-date-moved", now),
      ];
      return { writes };
    },

    /**
     * The plan the release-notices service recorded as ready meets the referral's `release-plan`
     * deadline (intake receives it once subscribed to `release-plan.ready`; until then closing the
     * referral meets it).
     */
    [releasePlanReady.type]: async (
      event: Envelope,
      { now }: { now: Date },
    ): Promise<Outcome | undefined> => {
      if (!isEvent(event, releasePlanReady)) return undefined;
      const source = await referrals.readSource("release-notice", event.data.noticeId);
      if (!source?.referralId) return undefined;
      const current = await referrals.read(source.referralId);
      if (!current) throw new Error("a source row names a referral that does not exist");
      const plan = current.deadlines.find((d) => d.type === "release-plan" && d.doneAt === undefined);
      if (!plan || (current.status !== "open" && current.status !== "investigating")) return undefined;
      const readyAt = new Date(event.data.readyAt);
      const done = markDone(plan, readyAt);
      const record = withSchedule({
        ...current,
        deadlines: current.deadlines.map((d) => (d === plan ? done : d)),
        updatedAt: now.toISOString(),
        version: current.version + 1,
      });
      return {
        writes: [
          referrals.save(record, current.version),
          referrals.auditPut(record.id, actorOf(event), "release-plan-ready", now),
        ],
        // Ready after the release day began and the sweep had not yet said so: the breach is recorded now.
        events:
          plan.state === "open" && done.state === "breached"
            ? [referrals.breachEvent(current, plan, now, event.correlationId)]
            : [],
      };
    },

    [releaseNoticeWithdrawn.type]: async (
      event: Envelope,
      { now }: { now: Date },
    ): Promise<Outcome | undefined> => {
      if (!isEvent(event, releaseNoticeWithdrawn)) return undefined;
      const source = await referrals.readSource("release-notice", event.data.noticeId);
      if (!source) {
        // Withdrawn before the notice reached us: a tombstone, so that a late `received` makes nothing.
        return {
          writes: [
            {
              Put: {
                TableName: deps.tableName,
                Item: { ...sourceKey("release-notice", event.data.noticeId), withdrawn: true },
                ConditionExpression: "attribute_not_exists(pk)",
              },
            },
          ],
        };
      }
      if (!source.referralId) return undefined;
      const current = await referrals.read(source.referralId);
      if (!current) throw new Error("a source row names a referral that does not exist");
      if (current.status !== "open" && current.status !== "investigating") return undefined;
      const keys = await deps.keys.get();
      const closed = referrals.closeItems(current, "withdrawn", undefined, keys, actorOf(event), now);
      return { writes: closed.writes, events: closed.events };
    },

    [hotlineTriageCompleted.type]: async (
      event: Envelope,
      { now }: { now: Date },
    ): Promise<Outcome | undefined> => {
      if (!isEvent(event, hotlineTriageCompleted)) return undefined;
      const data = event.data;
      // A triage that never learned who the caller is has nobody to refer.
      if (!data.subject) return undefined;
      const receivedAt = new Date(data.completedAt);
      const identity = await openIdentity(data.subject.subjectSealed, receivedAt);
      const purposes = [
        { purpose: "main", financialAssistance: false },
        ...(data.steps["financial-assistance"] === "done"
          ? [{ purpose: "financial-assistance", financialAssistance: true }]
          : []),
      ];
      const writes: TransactItem[] = [];
      const events: Envelope[] = [];
      for (const { purpose, financialAssistance } of purposes) {
        if (await referrals.readSource("hotline-triage", data.triageId, purpose)) continue;
        const outcome = await create(
          {
            municipality: event.municipality,
            kind: "hotline",
            identity,
            receivedAt,
            firstOffence: false,
            financialAssistance,
            source: { type: "hotline-triage", id: data.triageId, purpose },
          },
          event,
          now,
        );
        writes.push(...(outcome.writes ?? []));
        events.push(...(outcome.events ?? []));
      }
      return writes.length ? { writes, events } : undefined;
    },
  };
};
