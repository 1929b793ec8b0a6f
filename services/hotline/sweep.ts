import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { failedConditions, queryDue } from "../../shared/dynamo";
import type { Envelope } from "../../shared/events/envelope";
import { describeError } from "../../shared/logger";
import { DEADLINE_BREACHED_METRIC } from "../../shared/metrics";
import { Calls } from "./calls";
import type { HotlineDeps } from "./deps";
import { escalationSmsText } from "./escalation-sms";
import { dueIndex, scheduleKey, triageKey } from "./keys";
import { parseScheduleRecord, parseTriageRecord, type ScheduleRecord, type TriageRecord } from "./records";
import type { SmsConfig } from "./telephony/provider";
import { dueStages, SMS_CLAIM_MINUTES } from "./triage";
import { Triages } from "./triages";

export interface SweepResult {
  readonly examined: number;
  readonly abandoned: number;
  readonly escalated: number;
  readonly breaches: number;
  /** Escalation SMS accepted by the provider in this sweep. */
  readonly notified: number;
  /** Escalation SMS that could not be sent; each is tried again by the next sweep. */
  readonly notifyFailed: number;
  readonly skipped: number;
}

type SmsState =
  | { readonly kind: "ready"; readonly config: SmsConfig }
  | { readonly kind: "not-configured" }
  | { readonly kind: "unavailable" };
type NotifyOutcome = "sent" | "failed" | "skipped" | "undeliverable";

/**
 * No new SMS is started this long into a sweep (real time, not the service clock): with the
 * provider hanging, each send takes its full 10 s, and the sweep must end before its function's
 * 60 s timeout. What is left stays due for the next sweep, a minute later.
 */
export const SMS_SEND_BUDGET_MS = 40_000;

/**
 * Tells the manager of an escalation by SMS, at least once and, once it succeeded, never again.
 * The escalation is committed first (`pending`); a sweep then claims the send in a conditional
 * write, so two sweeps cannot both send; sends; and records `sent`. A failed send releases the
 * claim and leaves the triage on the due index, so the next sweep tries again; a sweep that dies
 * mid-send leaves a claim that lapses after SMS_CLAIM_MINUTES. Only a crash between the provider's
 * acceptance and the `sent` write can send twice.
 */
class EscalationNotifier {
  private smsState: Promise<SmsState> | undefined;
  private readonly schedules = new Map<string, Promise<ScheduleRecord | undefined | "unavailable">>();

  private readonly startedAt = performance.now();

  constructor(
    private readonly deps: HotlineDeps,
    private readonly triages: Triages,
    private readonly now: Date,
  ) {}

  /** Read once per sweep; a failed read counts as "try again later", never as "not configured". */
  sms(): Promise<SmsState> {
    this.smsState ??= this.deps.sms.get().then(
      (config): SmsState => (config ? { kind: "ready", config } : { kind: "not-configured" }),
      (error: unknown): SmsState => {
        this.deps.logger.error("escalation SMS configuration unavailable: retried on the next sweep", {
          error: describeError(error),
        });
        return { kind: "unavailable" };
      },
    );
    return this.smsState;
  }

  /** The municipality's schedule as it is now: the manager on duty now is the one to tell. */
  private schedule(municipality: string): Promise<ScheduleRecord | undefined | "unavailable"> {
    let pending = this.schedules.get(municipality);
    if (!pending) {
      pending = this.deps.doc
        .send(new GetCommand({ TableName: this.deps.tableName, Key: scheduleKey(municipality) }))
        .then(
          (out) => parseScheduleRecord(out.Item),
          (error: unknown) => {
            this.deps.logger.error("schedule unavailable for an escalation SMS: retried on the next sweep", {
              municipality,
              error: describeError(error),
            });
            return "unavailable" as const;
          },
        );
      this.schedules.set(municipality, pending);
    }
    return pending;
  }

  private async write(next: TriageRecord, expectedVersion: number): Promise<boolean> {
    try {
      await this.deps.publisher.commit([this.triages.save(next, expectedVersion)], []);
      return true;
    } catch (error) {
      if (failedConditions(error)?.length) return false;
      throw error;
    }
  }

  private async read(id: string): Promise<TriageRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({ TableName: this.deps.tableName, Key: triageKey(id), ConsistentRead: true }),
    );
    return parseTriageRecord(out.Item);
  }

  private async giveUp(
    record: TriageRecord,
    notification: "not-configured" | "no-recipient",
    message: string,
  ): Promise<NotifyOutcome> {
    const escalated = record.escalated;
    if (!escalated) return "skipped";
    // Logged once per escalation: the write below takes it off the due index.
    this.deps.logger.error(message, { triageId: record.id, municipality: record.municipality });
    await this.write(
      { ...record, escalated: { ...escalated, notification }, version: record.version + 1 },
      record.version,
    );
    return "undeliverable";
  }

  async notify(record: TriageRecord): Promise<NotifyOutcome> {
    const escalated = record.escalated;
    if (escalated?.notification !== "pending") return "skipped";
    if (record.acknowledged || (record.status !== "open" && record.status !== "callback-needed"))
      return "skipped";
    const claimedAt = escalated.sendingSince ? Date.parse(escalated.sendingSince) : undefined;
    if (claimedAt !== undefined && claimedAt + SMS_CLAIM_MINUTES * 60_000 > this.now.getTime())
      return "skipped";
    if (performance.now() - this.startedAt > SMS_SEND_BUDGET_MS) return "failed";
    const sms = await this.sms();
    if (sms.kind === "unavailable") return "failed";
    if (sms.kind === "not-configured")
      return this.giveUp(
        record,
        "not-configured",
        "escalated triage: the manager was not notified, SMS is not configured",
      );
    const schedule = await this.schedule(record.municipality);
    if (schedule === "unavailable") return "failed";
    if (!schedule)
      return this.giveUp(
        record,
        "no-recipient",
        "escalated triage: the manager was not notified, the municipality has no schedule",
      );

    const claimed: TriageRecord = {
      ...record,
      escalated: {
        ...escalated,
        to: schedule.manager.id,
        sendingSince: this.now.toISOString(),
        attempts: (escalated.attempts ?? 0) + 1,
      },
      version: record.version + 1,
    };
    // Another sweep, or a member of staff, moved it first: whoever sees it next decides again.
    if (!(await this.write(claimed, record.version))) return "skipped";
    const attempt = claimed.escalated?.attempts;
    try {
      await this.deps.telephony.sendSms(sms.config, {
        to: schedule.manager.phone,
        message: escalationSmsText({
          triageId: record.id,
          municipality: record.municipality,
          status: record.status,
          receivedAt: new Date(record.receivedAt),
          timeZone: schedule.timeZone,
        }),
      });
    } catch (error) {
      this.deps.logger.error("escalation SMS not sent: retried on the next sweep", {
        triageId: record.id,
        municipality: record.municipality,
        attempt,
        error: describeError(error),
      });
      await this.release(claimed);
      return "failed";
    }
    await this.markSent(claimed);
    this.deps.logger.info("escalation SMS sent to the manager", { triageId: record.id, attempt });
    return "sent";
  }

  /** Hands the send back to the next sweep at once rather than after the claim lapses. */
  private async release(claimed: TriageRecord): Promise<void> {
    if (!claimed.escalated) return;
    const { sendingSince: _claim, ...escalated } = claimed.escalated;
    try {
      await this.write({ ...claimed, escalated, version: claimed.version + 1 }, claimed.version);
    } catch (error) {
      this.deps.logger.warn("escalation SMS claim not released: it lapses by itself", {
        triageId: claimed.id,
        error: describeError(error),
      });
    }
  }

  /** Records the send even when the triage moved meanwhile (a step, an acknowledgement), so it is never sent again. */
  private async markSent(claimed: TriageRecord): Promise<void> {
    let current: TriageRecord | undefined = claimed;
    for (let round = 0; round < 5 && current; round += 1) {
      const escalated = current.escalated;
      if (escalated?.at !== claimed.escalated?.at || escalated?.notification !== "pending") return;
      const { sendingSince: _claim, ...rest } = escalated;
      try {
        const sent: TriageRecord = {
          ...current,
          escalated: { ...rest, notification: "sent", notifiedAt: this.now.toISOString() },
          version: current.version + 1,
        };
        if (await this.write(sent, current.version)) return;
        current = await this.read(claimed.id);
      } catch (error) {
        this.deps.logger.error("escalation SMS sent but not recorded: it may be sent again", {
          triageId: claimed.id,
          error: describeError(error),
        });
        return;
      }
    }
  }
}

/**
 * Watches the triages' clocks: a call whose webhooks never came back becomes a callback task, an
 * unacknowledged triage goes to the manager, and one not completed within 24 hours is breached.
 * It queries the due index up to now, so it costs what is due, not what is stored; each triage
 * moves in its own transaction conditioned on the version read, so two sweeps cannot act twice.
 */
export const sweepTriages = async (
  deps: HotlineDeps,
  options: { maxItems?: number; correlationId?: string } = {},
): Promise<SweepResult> => {
  const now = deps.clock.now();
  const correlationId = options.correlationId ?? `sweep-${now.toISOString()}`;
  const maxItems = options.maxItems ?? 1_000;
  const items = await queryDue(deps.doc, {
    tableName: deps.tableName,
    indexName: dueIndex.name,
    partition: dueIndex.partition,
    upTo: dueIndex.upTo(now),
    maxItems,
  });
  const due = items.flatMap((item) => parseTriageRecord(item) ?? []);

  const calls = new Calls(deps);
  const triages = new Triages(deps);
  const notifier = new EscalationNotifier(deps, triages, now);
  let abandoned = 0;
  let escalated = 0;
  let breaches = 0;
  let notified = 0;
  let notifyFailed = 0;
  let skipped = 0;
  for (const record of due) {
    const stages = dueStages(record, now);
    try {
      if (stages.includes("ringing-stale")) {
        // The call's own transition opens the triage as a callback task; the rest waits for the next sweep.
        if (await calls.abandonStale(record.callId, correlationId)) abandoned += 1;
        else skipped += 1;
        continue;
      }
      let current = record;
      if (stages.includes("escalate") || stages.includes("breach")) {
        const events: Envelope[] = [];
        let next: TriageRecord = { ...record, version: record.version + 1 };
        if (stages.includes("escalate")) {
          const sms = await notifier.sms();
          next = {
            ...next,
            escalated: {
              at: now.toISOString(),
              to: record.managerId ?? "manager",
              notification: sms.kind === "not-configured" ? "not-configured" : "pending",
            },
          };
        }
        if (stages.includes("breach")) {
          next = { ...next, deadline: { ...record.deadline, state: "breached" } };
          events.push(triages.breachEvent(record, now, correlationId));
        }
        // Committed before any SMS goes out: a message is never sent for a state that was not kept.
        await deps.publisher.commit([triages.save(next, record.version)], events);
        current = next;
        if (stages.includes("escalate")) {
          escalated += 1;
          deps.logger.warn("triage not acknowledged: escalated to the manager", {
            triageId: record.id,
            municipality: record.municipality,
            status: record.status,
          });
          if (next.escalated?.notification === "not-configured") {
            deps.logger.error("escalated triage: the manager was not notified, SMS is not configured", {
              triageId: record.id,
              municipality: record.municipality,
            });
          }
        }
        if (stages.includes("breach")) breaches += 1;
      }
      if (stages.includes("escalate") || stages.includes("notify")) {
        const outcome = await notifier.notify(current);
        if (outcome === "sent") notified += 1;
        if (outcome === "failed") notifyFailed += 1;
      }
    } catch (error) {
      skipped += 1;
      // Someone acknowledged or completed it meanwhile: the next sweep sees the new state.
      if (!failedConditions(error)?.length) {
        deps.logger.error("triage sweep failed for a triage", {
          triageId: record.id,
          error: describeError(error),
        });
      }
    }
  }
  if (breaches > 0) {
    deps.metrics.addDimension(DEADLINE_BREACHED_METRIC.serviceDimension, "hotline");
    deps.metrics.addMetric(DEADLINE_BREACHED_METRIC.metricName, MetricUnit.Count, breaches);
    deps.metrics.publishStoredMetrics();
  }
  const result = { examined: due.length, abandoned, escalated, breaches, notified, notifyFailed, skipped };
  if (due.length > 0) deps.logger.info("triage sweep", { ...result });
  return result;
};
