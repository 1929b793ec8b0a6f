import { notFound } from "../../../shared/domain/errors";
import { newId } from "../../../shared/ids";
import { describeError } from "../../../shared/logger";
import { stockholmDate } from "../../../shared/time";
import type { HotlineDeps } from "../deps";
import { requireKnownMunicipality } from "../domain/access";
import {
  abandon,
  type Call,
  type CallChange,
  hangUp,
  newCall,
  RECORDED_MESSAGE,
  receivedEvents,
  ringEnded,
  ringFromSchedule,
  stepOf,
  triageOfCall,
} from "../domain/call";
import { calledNumber, type OnCallSchedule } from "../domain/on-call-schedule";
import { acknowledgeMinutesOf } from "../domain/triage-clock";
import type { AcknowledgeMinutes } from "../domain/triage-state";
import { CallStore } from "../store/call-store";
import { ScheduleStore } from "../store/schedule-store";
import { lostRace } from "../store/table";
import type { CallAction, IncomingCall, RingResult } from "../telephony/provider";
import { CallActions, type CallRef } from "./call-actions";
import { toEnvelopes } from "./envelopes";
import { sealCaller } from "./sealing";

/**
 * The telephony webhooks: a call comes in, rings the chain one person at a time, and ends answered
 * or as a callback task. Each webhook costs one read (the schedule for a new call, the call after)
 * and one transaction; a retried webhook gets the answer its first delivery got. When storage
 * fails the caller still hears someone, or the recorded message: never silence. The logs (never
 * with personal data) are the operator's alarm.
 *
 * What a holder of a municipality's webhook credential can do is bounded: a call to a number that
 * is not the municipality's hotline rings nobody, and `next` and `hangup` act only on a call we
 * hold, or (when we hold no record of it) only with the call token we handed out for it.
 */
export class CallHandling {
  private readonly calls: CallStore;
  private readonly schedules: ScheduleStore;
  private readonly actions: CallActions;

  constructor(private readonly deps: HotlineDeps) {
    this.calls = new CallStore(deps);
    this.schedules = new ScheduleStore(deps);
    this.actions = new CallActions(deps);
  }

  private answer(call: Call): Promise<CallAction> {
    return this.actions.render({ municipality: call.municipality, callId: call.callId }, stepOf(call));
  }

  async incoming(municipality: string, incoming: IncomingCall, correlationId: string): Promise<CallAction> {
    requireKnownMunicipality(municipality);
    const now = this.deps.clock.now();
    const ref: CallRef = { municipality, callId: incoming.callId };
    // Fetched beside the schedule (a cold container waits for both at once); awaited only for the write.
    const keysPending = this.deps.keys.get();
    keysPending.catch(() => undefined);
    const timesPending = this.acknowledgeTimes(municipality, now);
    let schedule: OnCallSchedule | undefined;
    try {
      schedule = await this.schedules.read(municipality);
    } catch (error) {
      // Throttled, down or unreadable: the caller still hears the message, never silence.
      this.deps.logger.error("schedule unavailable: the call gets the recorded message and is not recorded", {
        callId: incoming.callId,
        municipality,
        error: describeError(error),
      });
      return this.actions.render(ref, RECORDED_MESSAGE);
    }
    if (schedule && !this.onHotlineNumber(schedule, incoming))
      return this.actions.render(ref, RECORDED_MESSAGE);
    const call = newCall({
      callId: incoming.callId,
      municipality,
      triageId: newId(now.getTime()),
      schedule,
      now,
      acknowledgeMinutes: await timesPending,
    });
    const events = toEnvelopes(receivedEvents(call), { municipality, correlationId, now });
    let outcome: "created" | "exists";
    try {
      const keys = await keysPending;
      const callerSealed = incoming.caller ? sealCaller(incoming.caller, keys, call.triageId) : undefined;
      const triage = triageOfCall(call, { managerId: schedule?.manager.id, callerSealed });
      outcome = await this.calls.create(call, triage, events);
    } catch (error) {
      // The schedule was read, so the chain is known: ring it. The `next` webhook copes with a
      // call it has no record of. Without the write there is no triage: the log is the alarm.
      this.deps.logger.error("call not recorded: answered from the schedule, no triage opened", {
        callId: call.callId,
        municipality,
        chainLength: call.chain.length,
        error: describeError(error),
      });
      return this.answer(call);
    }
    if (outcome === "exists") return this.answerRetry(call);
    this.deps.logger.info("call received", {
      callId: call.callId,
      triageId: call.triageId,
      chainLength: call.chain.length,
    });
    return this.answer(call);
  }

  /**
   * The municipality's escalation times in its settings in force today (cached a minute). Unreadable:
   * the triage gets the defaults rather than the caller silence; the log says so.
   */
  private async acknowledgeTimes(municipality: string, now: Date): Promise<AcknowledgeMinutes | undefined> {
    try {
      return acknowledgeMinutesOf(
        (await this.deps.settings.settingsOn(municipality, stockholmDate(now))).hotline,
      );
    } catch (error) {
      this.deps.logger.error("settings unavailable: the triage gets the default escalation times", {
        municipality,
        error: describeError(error),
      });
      return undefined;
    }
  }

  /**
   * Whether the call was made to the municipality's hotline number. Another number rings nobody
   * and opens nothing: whoever holds the credential does not reach the staff through it. A schedule
   * saved before the number was asked for cannot be checked; the call goes through, and the log
   * tells the operator to set the number.
   */
  private onHotlineNumber(schedule: OnCallSchedule, incoming: IncomingCall): boolean {
    const check = calledNumber(schedule, incoming.called);
    const where = { callId: incoming.callId, municipality: schedule.municipality };
    if (check === "other-number") {
      this.deps.logger.error(
        "called number is not the municipality's hotline: nobody rung, no call opened",
        where,
      );
      return false;
    }
    if (check === "not-set") {
      this.deps.logger.error(
        "hotline number not set in the schedule: the called number is not checked",
        where,
      );
    }
    return true;
  }

  /** The provider posted a call we already hold: the answer it got the first time. */
  private async answerRetry(call: Call): Promise<CallAction> {
    let existing: Call | undefined;
    try {
      existing = await this.calls.read(call.callId);
    } catch (error) {
      this.deps.logger.error("retried call unreadable: answered from the schedule", {
        callId: call.callId,
        error: describeError(error),
      });
      return this.answer(call);
    }
    if (!existing || existing.municipality !== call.municipality) throw notFound("No such call");
    return this.answer(existing);
  }

  /** A ring ended: answered, or on to the next in the chain, or (the chain exhausted) the message. */
  async next(
    municipality: string,
    result: RingResult,
    hook: { readonly attempt: number | undefined; readonly token: string | undefined },
    correlationId: string,
  ): Promise<CallAction> {
    const now = this.deps.clock.now();
    requireKnownMunicipality(municipality);
    const { attempt } = hook;
    const ref: CallRef = { municipality, callId: result.callId };
    const tokenValid = () =>
      attempt !== undefined && this.actions.tokenValid(ref, { hook: "next", attempt }, hook.token);
    let stored: Call | undefined;
    try {
      stored = await this.calls.read(result.callId);
    } catch (error) {
      const signed = await tokenValid();
      this.deps.logger.error(
        signed
          ? "call unreadable: the next ring comes from the schedule"
          : "call unreadable and no valid call token: the recorded message",
        { callId: result.callId, error: describeError(error) },
      );
      // Without our token this may be anyone's guess at a call id: the message, and no phone.
      if (!signed) return this.actions.render(ref, RECORDED_MESSAGE);
      return this.nextWithoutRecord(municipality, result, attempt, now);
    }
    if (!stored) {
      if (!(await tokenValid())) throw notFound("No such call");
      this.deps.logger.warn("next for a call with no record: the next ring comes from the schedule", {
        callId: result.callId,
        municipality,
      });
      return this.nextWithoutRecord(municipality, result, attempt, now);
    }
    if (stored.municipality !== municipality) throw notFound("No such call");
    const outcome = ringEnded(stored, result.answered, attempt, now);
    if (outcome.kind === "as-is") return this.answer(outcome.call);
    const { change } = outcome;
    if (change.kind === "answered") {
      this.deps.logger.info("call answered", {
        callId: change.call.callId,
        chainPosition: change.before.attempt,
        role: change.opening?.opening.answeredRole,
      });
    }
    if (change.kind === "unanswered") {
      this.deps.logger.info("call unanswered", {
        callId: change.call.callId,
        attempts: change.call.chain.length,
      });
    }
    return this.commitOrCurrent(change, correlationId, now);
  }

  /**
   * Nothing is written: the caller is served from the schedule (see ringFromSchedule), the operator
   * is told by the log.
   */
  private async nextWithoutRecord(
    municipality: string,
    result: RingResult,
    attempt: number | undefined,
    now: Date,
  ): Promise<CallAction> {
    if (result.answered) return { kind: "end" };
    let schedule: OnCallSchedule | undefined;
    try {
      schedule = await this.schedules.read(municipality);
    } catch (error) {
      this.deps.logger.error("schedule unavailable: the call gets the recorded message", {
        callId: result.callId,
        municipality,
        error: describeError(error),
      });
      return this.actions.render({ municipality, callId: result.callId }, RECORDED_MESSAGE);
    }
    return this.actions.render(
      { municipality, callId: result.callId },
      ringFromSchedule(schedule, attempt, now),
    );
  }

  /** The call ended. If nobody had answered yet, the caller gave up: a callback task. */
  async hangup(
    municipality: string,
    callId: string,
    token: string | undefined,
    correlationId: string,
  ): Promise<CallAction> {
    const now = this.deps.clock.now();
    requireKnownMunicipality(municipality);
    let call: Call | undefined;
    try {
      call = await this.calls.read(callId);
    } catch (error) {
      this.deps.logger.error("call unreadable at hangup: its end is not recorded", {
        callId,
        error: describeError(error),
      });
      return { kind: "end" };
    }
    if (!call || call.municipality !== municipality) {
      // A call we never recorded (its first write failed) ends with nothing to do, if it is ours.
      const ours =
        !call && (await this.actions.tokenValid({ municipality, callId }, { hook: "hangup" }, token));
      if (ours) return { kind: "end" };
      throw notFound("No such call");
    }
    // Already ended: nothing to do, and an error would only make the provider retry.
    const change = hangUp(call, now);
    if (!change) return { kind: "end" };
    if (change.kind === "unanswered") {
      this.deps.logger.info("caller hung up before an answer", { callId, attempts: change.before.attempt });
    }
    await this.record(change, correlationId, now);
    return { kind: "end" };
  }

  /** For the sweep: a call whose webhooks never came back becomes a callback task. */
  async abandonStale(callId: string, correlationId: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const call = await this.calls.read(callId);
    const change = call && abandon(call, now);
    if (!change) return false;
    try {
      await this.calls.commit(
        change,
        toEnvelopes(change.events, { municipality: call.municipality, correlationId, now }),
      );
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** Commits the change; a lost race or a storage failure is reported, not thrown. */
  private async record(
    change: CallChange,
    correlationId: string,
    now: Date,
  ): Promise<"committed" | "lost-race" | "not-recorded"> {
    const events = toEnvelopes(change.events, { municipality: change.call.municipality, correlationId, now });
    try {
      await this.calls.commit(change, events);
      return "committed";
    } catch (error) {
      if (lostRace(error)) return "lost-race";
      // Storage failed, not a race: the caller still gets the step we meant to record. A later
      // webhook carries the attempt it was given, and next() catches up from there.
      this.deps.logger.error("call step not recorded: answered anyway", {
        callId: change.call.callId,
        attempt: change.call.attempt,
        error: describeError(error),
      });
      return "not-recorded";
    }
  }

  /** Commits, or (when another webhook or the sweep moved the call first) answers from where it is now. */
  private async commitOrCurrent(change: CallChange, correlationId: string, now: Date): Promise<CallAction> {
    if ((await this.record(change, correlationId, now)) !== "lost-race") return this.answer(change.call);
    try {
      const current = await this.calls.read(change.call.callId);
      if (current) return this.answer(current);
    } catch (error) {
      this.deps.logger.error("call unreadable after a concurrent change: answered as computed", {
        callId: change.call.callId,
        error: describeError(error),
      });
    }
    return this.answer(change.call);
  }
}
