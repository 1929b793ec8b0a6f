import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { failedConditions, type TransactItem } from "../../shared/dynamo";
import {
  hotlineCallReceived,
  hotlineCallRouted,
  hotlineCallUnanswered,
  hotlineTriageOpened,
  type UNANSWERED_REASONS,
} from "../../shared/events/catalogue/hotline";
import type { Envelope } from "../../shared/events/envelope";
import { newEvent } from "../../shared/events/outbox";
import { HttpProblem } from "../../shared/http/problem";
import { seal } from "../../shared/identity";
import { newId } from "../../shared/ids";
import { describeError } from "../../shared/logger";
import { isKommunkod } from "../../shared/municipalities";
import type { KeyMaterial } from "../../shared/runtime/keys";
import type { HotlineDeps } from "./deps";
import { callKey, dueIndex, scheduleKey, triageKey, triageListIndex } from "./keys";
import {
  type CallRecord,
  parseCallRecord,
  parseScheduleRecord,
  type ScheduleRecord,
  type TriageRecord,
} from "./records";
import { escalationChain } from "./schedule";
import type { CallAction, IncomingCall, RingResult } from "./telephony/provider";
import { nextDue, retentionExpiry, triageDueAt } from "./triage";
import { webhookUrl } from "./webhook-auth";

type UnansweredReason = (typeof UNANSWERED_REASONS)[number];

const SOURCE = "hotline" as const;

/** Binds a sealed caller number to its triage, so it cannot be copied onto another. */
export const callerAad = (triageId: string): string => `hotline-caller:${triageId}`;

export const currentSealingKey = (keys: KeyMaterial): { kid: string; key: Uint8Array } => {
  const key = keys.sealingKeys.get(keys.sealingKid);
  if (!key) throw new Error("the current sealing key is missing");
  return { kid: keys.sealingKid, key };
};

const PENDING_STEP = { status: "pending" } as const;

/** Where a triage sits on the due index, from its state. */
export const withDueIndex = (record: TriageRecord): TriageRecord => {
  const { gsi1pk: _p, gsi1sk: _s, ...rest } = record;
  const due = nextDue(record);
  return due ? { ...rest, gsi1pk: dueIndex.partition, gsi1sk: dueIndex.sort(due, record.id) } : rest;
};

/**
 * The telephony side of the hotline: a call comes in, rings the chain one person at a time, and
 * ends answered or as a callback task. Each webhook costs one read (two for a new call: the
 * schedule) and one transaction, and a retried webhook gets the answer its first delivery got.
 */
export class Calls {
  constructor(private readonly deps: HotlineDeps) {}

  private async readCall(callId: string): Promise<CallRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: callKey(callId), ConsistentRead: true }),
    );
    return parseCallRecord(out.Item);
  }

  private async links(municipality: string, attempt: number) {
    const baseUrl = this.deps.publicBaseUrl;
    if (!baseUrl) throw new Error("PUBLIC_BASE_URL is not set: the provider could not call back");
    const credentials = await this.deps.webhookCredentials.get();
    const voice = `/v1/hotline/voice/${municipality}`;
    return {
      next: webhookUrl(baseUrl, `${voice}/next`, credentials, { attempt: String(attempt) }),
      whenHangup: webhookUrl(baseUrl, `${voice}/hangup`, credentials),
    };
  }

  /** What the call should do in the state it is in: the same state always gives the same answer. */
  private async actionFor(call: CallRecord): Promise<CallAction> {
    if (call.state === "answered") return { kind: "end" };
    const link = call.chain[call.attempt - 1];
    if (call.state === "unanswered" || !link) {
      const { whenHangup } = await this.links(call.municipality, call.attempt);
      return { kind: "play", message: call.fallbackMessage ?? this.deps.defaultMessageUrl, whenHangup };
    }
    const { next, whenHangup } = await this.links(call.municipality, call.attempt);
    return { kind: "connect", to: link.phone, timeoutSeconds: call.ringSeconds, next, whenHangup };
  }

  private async readSchedule(municipality: string): Promise<ScheduleRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: scheduleKey(municipality) }),
    );
    return parseScheduleRecord(out.Item);
  }

  /** With nothing to go on (no schedule readable): the recorded message, so the caller hears something. */
  private async messageAction(municipality: string, message: string | undefined): Promise<CallAction> {
    const { whenHangup } = await this.links(municipality, 0);
    return { kind: "play", message: message ?? this.deps.defaultMessageUrl, whenHangup };
  }

  /**
   * The next ring for a call we hold no record of (its first write failed, or the table cannot be
   * read now): the chain built afresh from the schedule, the position taken from the `attempt` in
   * the URL we handed out. Nothing is written: the caller is served, the operator is told by the log.
   */
  private async nextWithoutRecord(
    municipality: string,
    result: RingResult,
    attempt: number | undefined,
    now: Date,
  ): Promise<CallAction> {
    if (result.answered) return { kind: "end" };
    let schedule: ScheduleRecord | undefined;
    try {
      schedule = await this.readSchedule(municipality);
    } catch (error) {
      this.deps.logger.error("schedule unavailable: the call gets the recorded message", {
        callId: result.callId,
        municipality,
        error: describeError(error),
      });
      return this.messageAction(municipality, undefined);
    }
    const position = (attempt ?? 1) + 1;
    const link = schedule ? escalationChain(schedule, now)[position - 1] : undefined;
    if (!schedule || !link) return this.messageAction(municipality, schedule?.fallbackMessage);
    const { next, whenHangup } = await this.links(municipality, position);
    return { kind: "connect", to: link.phone, timeoutSeconds: schedule.ringSeconds, next, whenHangup };
  }

  private event<C extends Parameters<typeof newEvent>[0]>(
    contract: C,
    call: CallRecord,
    correlationId: string,
    now: Date,
    data: Parameters<typeof newEvent<C>>[1]["data"],
  ): Envelope {
    return newEvent(contract, {
      source: SOURCE,
      municipality: call.municipality,
      correlationId,
      occurredAt: now,
      data,
    });
  }

  /** The two events of a call nobody took: why, and the callback task it became. */
  private unansweredEvents(
    call: CallRecord,
    reason: UnansweredReason,
    attempts: number,
    now: Date,
    correlationId: string,
  ): Envelope[] {
    return [
      this.event(hotlineCallUnanswered, call, correlationId, now, {
        callId: call.callId,
        receivedAt: call.receivedAt,
        endedAt: now.toISOString(),
        reason,
        attempts,
        voicemailRecorded: false,
        triageId: call.triageId,
      }),
      this.event(hotlineTriageOpened, call, correlationId, now, {
        triageId: call.triageId,
        callId: call.callId,
        receivedAt: call.receivedAt,
        openedAt: now.toISOString(),
        dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(),
        status: "callback-needed",
      }),
    ];
  }

  async incoming(municipality: string, incoming: IncomingCall, correlationId: string): Promise<CallAction> {
    // A number configured with a code no municipality has would open triages nobody can see.
    if (!isKommunkod(municipality)) throw new HttpProblem(404, "No such municipality");
    const now = this.deps.clock.now();
    // Fetched beside the schedule (a cold container waits for both at once); awaited only for the write.
    const keysPending = this.deps.keys.get();
    keysPending.catch(() => undefined);
    let schedule: ScheduleRecord | undefined;
    try {
      schedule = await this.readSchedule(municipality);
    } catch (error) {
      // Throttled, down or unreadable: the caller still hears the message, never silence.
      this.deps.logger.error("schedule unavailable: the call gets the recorded message and is not recorded", {
        callId: incoming.callId,
        municipality,
        error: describeError(error),
      });
      return this.messageAction(municipality, undefined);
    }
    const chain = schedule ? escalationChain(schedule, now) : [];
    const triageId = newId(now.getTime());
    const expiresAt = retentionExpiry(now);
    const ringing = chain.length > 0;
    const call: CallRecord = {
      ...callKey(incoming.callId),
      callId: incoming.callId,
      municipality,
      triageId,
      receivedAt: now.toISOString(),
      chain,
      ringSeconds: schedule?.ringSeconds ?? 30,
      ...(schedule?.fallbackMessage ? { fallbackMessage: schedule.fallbackMessage } : {}),
      attempt: ringing ? 1 : 0,
      state: ringing ? "ringing" : "unanswered",
      version: 0,
      expiresAt,
    };
    const status = ringing ? "ringing" : "callback-needed";
    const buildTriage = (keys: KeyMaterial): TriageRecord =>
      withDueIndex({
        ...triageKey(triageId),
        id: triageId,
        callId: incoming.callId,
        municipality,
        status,
        ...(ringing ? {} : { origin: "callback", openedAt: now.toISOString() }),
        receivedAt: now.toISOString(),
        ...(schedule ? { managerId: schedule.manager.id } : {}),
        ...(incoming.caller
          ? { callerSealed: seal(incoming.caller, currentSealingKey(keys), callerAad(triageId)) }
          : {}),
        deadline: { dueAt: triageDueAt(now).toISOString(), state: "open" },
        steps: {
          "threat-assessment": PENDING_STEP,
          "protective-placement": PENDING_STEP,
          decision: PENDING_STEP,
          "financial-assistance": PENDING_STEP,
        },
        version: 0,
        gsi2pk: triageListIndex.partition(municipality, status),
        gsi2sk: triageListIndex.sort(now.toISOString(), triageId),
        expiresAt,
      });
    const events = [
      this.event(hotlineCallReceived, call, correlationId, now, {
        callId: call.callId,
        receivedAt: call.receivedAt,
      }),
      ...(ringing ? [] : this.unansweredEvents(call, "nobody-on-call", 0, now, correlationId)),
    ];
    try {
      const triage = buildTriage(await keysPending);
      await this.deps.publisher.commit(
        [
          // Keyed by the provider's call id: a retried webhook cannot open a second triage.
          {
            Put: {
              TableName: this.deps.tableName,
              Item: call,
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          {
            Put: {
              TableName: this.deps.tableName,
              Item: triage,
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
        ],
        events,
      );
    } catch (error) {
      if (!failedConditions(error)?.includes(0)) {
        // The schedule was read, so the chain is known: ring it. The `next` webhook copes with a
        // call it has no record of. Without the write there is no triage: the log is the alarm.
        this.deps.logger.error("call not recorded: answered from the schedule, no triage opened", {
          callId: call.callId,
          municipality,
          chainLength: chain.length,
          error: describeError(error),
        });
        return this.actionFor(call);
      }
      let existing: CallRecord | undefined;
      try {
        existing = await this.readCall(incoming.callId);
      } catch (readError) {
        this.deps.logger.error("retried call unreadable: answered from the schedule", {
          callId: call.callId,
          error: describeError(readError),
        });
        return this.actionFor(call);
      }
      if (!existing || existing.municipality !== municipality) throw new HttpProblem(404, "No such call");
      return this.actionFor(existing);
    }
    this.deps.logger.info("call received", { callId: call.callId, triageId, chainLength: chain.length });
    return this.actionFor(call);
  }

  /** Moves a ringing call's triage on, without reading it: while ringing, the call says all there is. */
  private openTriage(
    call: CallRecord,
    now: Date,
    outcome: { status: "open"; answeredBy: string; answeredRole: string } | { status: "callback-needed" },
  ): TransactItem {
    const opened = withDueIndex({
      ...triageKey(call.triageId),
      id: call.triageId,
      callId: call.callId,
      municipality: call.municipality,
      status: outcome.status,
      receivedAt: call.receivedAt,
      openedAt: now.toISOString(),
      deadline: { dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(), state: "open" },
      steps: {
        "threat-assessment": PENDING_STEP,
        "protective-placement": PENDING_STEP,
        decision: PENDING_STEP,
        "financial-assistance": PENDING_STEP,
      },
      version: 0,
      gsi2pk: triageListIndex.partition(call.municipality, outcome.status),
      gsi2sk: triageListIndex.sort(call.receivedAt, call.triageId),
      expiresAt: call.expiresAt,
    });
    const values: Record<string, unknown> = {
      ":status": outcome.status,
      ":ringing": "ringing",
      ":openedAt": opened.openedAt,
      ":origin": outcome.status === "open" ? "answered" : "callback",
      ":gsi2pk": opened.gsi2pk,
      ":one": 1,
    };
    const sets = [
      "#status = :status",
      "openedAt = :openedAt",
      "origin = :origin",
      "gsi2pk = :gsi2pk",
      "version = version + :one",
    ];
    if (opened.gsi1sk) {
      sets.push("gsi1pk = :gsi1pk", "gsi1sk = :gsi1sk");
      values[":gsi1pk"] = opened.gsi1pk;
      values[":gsi1sk"] = opened.gsi1sk;
    }
    if (outcome.status === "open") {
      sets.push("answeredBy = :answeredBy", "answeredRole = :answeredRole");
      values[":answeredBy"] = outcome.answeredBy;
      values[":answeredRole"] = outcome.answeredRole;
    }
    return {
      Update: {
        TableName: this.deps.tableName,
        Key: triageKey(call.triageId),
        UpdateExpression: `SET ${sets.join(", ")}`,
        ConditionExpression: "#status = :ringing",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: values,
      },
    };
  }

  private saveCall(call: CallRecord, expectedVersion: number): TransactItem {
    return {
      Put: {
        TableName: this.deps.tableName,
        Item: call,
        ConditionExpression: "version = :v",
        ExpressionAttributeValues: { ":v": expectedVersion },
      },
    };
  }

  /** Commits, or — when another webhook or the sweep moved the call first — answers from where it is now. */
  private async commitOrCurrent(
    writes: TransactItem[],
    events: Envelope[],
    next: CallRecord,
  ): Promise<CallAction> {
    try {
      await this.deps.publisher.commit(writes, events);
      return this.actionFor(next);
    } catch (error) {
      if (!failedConditions(error)?.length) {
        // Storage failed, not a race: the caller still gets the step we meant to record. A later
        // webhook carries the attempt it was given, and next() catches up from there.
        this.deps.logger.error("call step not recorded: answered anyway", {
          callId: next.callId,
          attempt: next.attempt,
          error: describeError(error),
        });
        return this.actionFor(next);
      }
      try {
        const current = await this.readCall(next.callId);
        if (current) return this.actionFor(current);
      } catch (readError) {
        this.deps.logger.error("call unreadable after a concurrent change: answered as computed", {
          callId: next.callId,
          error: describeError(readError),
        });
      }
      return this.actionFor(next);
    }
  }

  /** A ring ended: answered, or on to the next in the chain, or — the chain exhausted — the message. */
  async next(
    municipality: string,
    result: RingResult,
    attempt: number | undefined,
    correlationId: string,
  ): Promise<CallAction> {
    const now = this.deps.clock.now();
    if (!isKommunkod(municipality)) throw new HttpProblem(404, "No such municipality");
    let stored: CallRecord | undefined;
    try {
      stored = await this.readCall(result.callId);
    } catch (error) {
      this.deps.logger.error("call unreadable: the next ring comes from the schedule", {
        callId: result.callId,
        error: describeError(error),
      });
      return this.nextWithoutRecord(municipality, result, attempt, now);
    }
    if (!stored) {
      this.deps.logger.warn("next for a call with no record: the next ring comes from the schedule", {
        callId: result.callId,
        municipality,
      });
      return this.nextWithoutRecord(municipality, result, attempt, now);
    }
    if (stored.municipality !== municipality) throw new HttpProblem(404, "No such call");
    // The URL names a later ring than the record: the step that led there was answered but not
    // written (storage failed). Catch up, so the chain goes on instead of ringing the same person.
    const call: CallRecord =
      stored.state === "ringing" &&
      attempt !== undefined &&
      attempt > stored.attempt &&
      attempt <= stored.chain.length
        ? { ...stored, attempt }
        : stored;
    // A retry of a result already acted on (or an outcome of a ring long replaced) changes nothing.
    if (call.state !== "ringing" || (attempt !== undefined && attempt !== call.attempt)) {
      return this.actionFor(call);
    }
    const link = call.chain[call.attempt - 1];
    if (result.answered && link) {
      const answered: CallRecord = {
        ...call,
        state: "answered",
        answeredAt: now.toISOString(),
        version: call.version + 1,
      };
      const events = [
        this.event(hotlineCallRouted, call, correlationId, now, {
          callId: call.callId,
          receivedAt: call.receivedAt,
          answeredAt: now.toISOString(),
          chainPosition: call.attempt,
          chainRole: link.role,
        }),
        this.event(hotlineTriageOpened, call, correlationId, now, {
          triageId: call.triageId,
          callId: call.callId,
          receivedAt: call.receivedAt,
          openedAt: now.toISOString(),
          dueAt: triageDueAt(new Date(call.receivedAt)).toISOString(),
          status: "open",
        }),
      ];
      this.deps.logger.info("call answered", {
        callId: call.callId,
        chainPosition: call.attempt,
        role: link.role,
      });
      return this.commitOrCurrent(
        [
          this.saveCall(answered, call.version),
          this.openTriage(call, now, { status: "open", answeredBy: link.memberId, answeredRole: link.role }),
        ],
        events,
        answered,
      );
    }
    if (call.attempt < call.chain.length) {
      const onward: CallRecord = { ...call, attempt: call.attempt + 1, version: call.version + 1 };
      return this.commitOrCurrent([this.saveCall(onward, call.version)], [], onward);
    }
    const exhausted: CallRecord = { ...call, state: "unanswered", version: call.version + 1 };
    this.deps.logger.info("call unanswered", { callId: call.callId, attempts: call.chain.length });
    return this.commitOrCurrent(
      [this.saveCall(exhausted, call.version), this.openTriage(call, now, { status: "callback-needed" })],
      this.unansweredEvents(call, "chain-exhausted", call.chain.length, now, correlationId),
      exhausted,
    );
  }

  /** The call ended. If nobody had answered yet, the caller gave up: a callback task. */
  async hangup(municipality: string, callId: string, correlationId: string): Promise<CallAction> {
    const now = this.deps.clock.now();
    let call: CallRecord | undefined;
    try {
      call = await this.readCall(callId);
    } catch (error) {
      this.deps.logger.error("call unreadable at hangup: its end is not recorded", {
        callId,
        error: describeError(error),
      });
      return { kind: "end" };
    }
    // Unknown or already ended: nothing to do, and an error would only make the provider retry.
    if (!call || call.municipality !== municipality || call.endedAt) return { kind: "end" };
    const ended: CallRecord = {
      ...call,
      ...(call.state === "ringing" ? { state: "unanswered" as const } : {}),
      endedAt: now.toISOString(),
      version: call.version + 1,
    };
    if (call.state !== "ringing") {
      await this.commitOrCurrent([this.saveCall(ended, call.version)], [], ended);
      return { kind: "end" };
    }
    this.deps.logger.info("caller hung up before an answer", { callId, attempts: call.attempt });
    await this.commitOrCurrent(
      [this.saveCall(ended, call.version), this.openTriage(call, now, { status: "callback-needed" })],
      this.unansweredEvents(call, "caller-hung-up", call.attempt, now, correlationId),
      ended,
    );
    return { kind: "end" };
  }

  /** For the sweep: a call whose webhooks never came back becomes a callback task. */
  async abandonStale(callId: string, correlationId: string): Promise<boolean> {
    const now = this.deps.clock.now();
    const call = await this.readCall(callId);
    if (call?.state !== "ringing") return false;
    const ended: CallRecord = { ...call, state: "unanswered", version: call.version + 1 };
    try {
      await this.deps.publisher.commit(
        [this.saveCall(ended, call.version), this.openTriage(call, now, { status: "callback-needed" })],
        this.unansweredEvents(call, "caller-hung-up", call.attempt, now, correlationId),
      );
      return true;
    } catch (error) {
      if (failedConditions(error)?.length) return false;
      throw error;
    }
  }
}
