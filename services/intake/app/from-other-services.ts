/**
 * Turns other services' events into referrals and their changes. Each handler returns its writes
 * and events; the consumer commits them with the event's dedupe mark, so a redelivered event
 * changes nothing. A source (a notice, a triage) is keyed by its own id as well, so the same
 * notice under two event ids still makes one referral: the second finds the source row, or fails
 * on it and is retried.
 */
import { hotlineTriageCompleted } from "../../../shared/events/catalogue/hotline";
import {
  releaseNoticeReceived,
  releaseNoticeUpdated,
  releaseNoticeWithdrawn,
  releasePlanReady,
} from "../../../shared/events/catalogue/release-notices";
import { type Outcome, PoisonMessageError } from "../../../shared/events/consumer";
import type { Envelope } from "../../../shared/events/envelope";
import { isEvent } from "../../../shared/events/parse";
import { type IdentityNumber, parseIdentityNumber } from "../../../shared/identity";
import type { IntakeDeps } from "../deps";
import type { Referral, Transition } from "../domain/referral";
import { moveReleaseDate, recordPlanReady, withdrawNotice } from "../domain/release-notices";
import { readReferralNamed } from "../store/reads";
import { readSource } from "../store/sources";
import { sourceTombstone } from "../store/transaction";
import { eventActor } from "./context";
import { placementOf, prepareReceipt, type Receipt, settingsOnReceipt } from "./receive-referral";
import { prepareTransition } from "./referral-changes";
import { openIdentity } from "./sealing";

type Handler = (event: Envelope, context: { now: Date }) => Promise<Outcome | undefined>;

export const intakeEventHandlers = (deps: IntakeDeps): Record<string, Handler> => {
  /** The identity travels sealed; an event whose identity cannot be opened or read is never handleable. */
  const identityOf = async (sealed: string, at: Date): Promise<IdentityNumber> => {
    const keys = await deps.keys.get();
    let canonical: string;
    try {
      canonical = openIdentity(keys, sealed);
    } catch {
      throw new PoisonMessageError("the sealed identity could not be opened");
    }
    const identity = parseIdentityNumber(canonical, at);
    if (!identity) throw new PoisonMessageError("the sealed identity is not a valid identity number");
    return identity;
  };

  const receive = async (receipt: Receipt, event: Envelope, now: Date): Promise<Outcome> => {
    const prepared = await prepareReceipt(deps, receipt, eventActor(event), now);
    return { writes: prepared.write.items, events: prepared.events };
  };

  const outcomeOf = (transition: Transition | undefined, event: Envelope, now: Date): Outcome | undefined => {
    if (!transition) return undefined;
    const prepared = prepareTransition(deps, transition, { correlationId: event.correlationId, now });
    return { writes: prepared.write.items, events: prepared.events };
  };

  /** The referral a notice made, if it made one (not withdrawn before it arrived). */
  const noticeReferral = async (noticeId: string): Promise<Referral | undefined> => {
    const source = await readSource(deps, "release-notice", noticeId);
    return source?.referralId ? readReferralNamed(deps, source.referralId) : undefined;
  };

  /** A notice's referral, from `received` or from an `updated` that overtook it. */
  const fromNotice = async (
    event: Envelope,
    data: { noticeId: string; subjectSealed: string; receivedAt: string; expectedReleaseDate: string },
    now: Date,
    sourceUpdatedAt?: string,
  ): Promise<Outcome> => {
    const receivedAt = new Date(data.receivedAt);
    return receive(
      {
        municipality: event.municipality,
        kind: "release",
        subject: { kind: "identified", identity: await identityOf(data.subjectSealed, receivedAt) },
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
    [releaseNoticeReceived.type]: async (event, { now }) => {
      if (!isEvent(event, releaseNoticeReceived)) return undefined;
      // Made already (another event id for the same notice) or withdrawn before it came: nothing to do.
      if (await readSource(deps, "release-notice", event.data.noticeId)) return undefined;
      return fromNotice(event, event.data, now);
    },

    [releaseNoticeUpdated.type]: async (event, { now }) => {
      if (!isEvent(event, releaseNoticeUpdated)) return undefined;
      const data = event.data;
      const source = await readSource(deps, "release-notice", data.noticeId);
      if (!source) return fromNotice(event, data, now, data.updatedAt);
      if (!source.referralId) return undefined;
      const current = await readReferralNamed(deps, source.referralId);
      const update = { releaseDate: data.expectedReleaseDate, updatedAt: data.updatedAt };
      return outcomeOf(moveReleaseDate(current, update, eventActor(event).actor, now), event, now);
    },

    /**
     * The plan the release-notices service recorded as ready meets the referral's `release-plan`
     * deadline (intake receives it once subscribed to `release-plan.ready`; until then closing the
     * referral meets it).
     */
    [releasePlanReady.type]: async (event, { now }) => {
      if (!isEvent(event, releasePlanReady)) return undefined;
      const current = await noticeReferral(event.data.noticeId);
      if (!current) return undefined;
      const readyAt = new Date(event.data.readyAt);
      return outcomeOf(recordPlanReady(current, readyAt, eventActor(event).actor, now), event, now);
    },

    [releaseNoticeWithdrawn.type]: async (event, { now }) => {
      if (!isEvent(event, releaseNoticeWithdrawn)) return undefined;
      const source = await readSource(deps, "release-notice", event.data.noticeId);
      // Withdrawn before the notice reached us: a tombstone, so that a late `received` makes nothing.
      if (!source)
        return { writes: [sourceTombstone(deps.tableName, "release-notice", event.data.noticeId)] };
      if (!source.referralId) return undefined;
      const current = await readReferralNamed(deps, source.referralId);
      return outcomeOf(withdrawNotice(current, eventActor(event).actor, now), event, now);
    },

    /**
     * The referral counts from the call (`receivedAt`), when the system first knew, not from the
     * triage's end. One referral per unit: a child's financial-assistance step leads to Mottag
     * barn like the call itself, so a child gets one referral there, with the child's deadlines.
     */
    [hotlineTriageCompleted.type]: async (event, { now }) => {
      if (!isEvent(event, hotlineTriageCompleted)) return undefined;
      const data = event.data;
      // A triage that never learned who the caller is has nobody to refer.
      if (!data.subject) return undefined;
      const receivedAt = new Date(data.receivedAt);
      const identity = await identityOf(data.subject.subjectSealed, receivedAt);
      const base = {
        municipality: event.municipality,
        kind: "hotline" as const,
        subject: { kind: "identified" as const, identity },
        receivedAt,
        firstOffence: false,
      };
      const purposes = [
        { purpose: "main", financialAssistance: false },
        ...(data.steps["financial-assistance"] === "done"
          ? [{ purpose: "financial-assistance", financialAssistance: true }]
          : []),
      ];
      const settings = await settingsOnReceipt(deps, base);
      const units = new Set<string>();
      const writes: NonNullable<Outcome["writes"]>[number][] = [];
      const events: Envelope[] = [];
      for (const { purpose, financialAssistance } of purposes) {
        const unit = placementOf({ ...base, financialAssistance }, settings).unit;
        if (units.has(unit)) continue;
        units.add(unit);
        if (await readSource(deps, "hotline-triage", data.triageId, purpose)) continue;
        const outcome = await receive(
          { ...base, financialAssistance, source: { type: "hotline-triage", id: data.triageId, purpose } },
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
