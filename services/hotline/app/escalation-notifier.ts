import { describeError } from "../../../shared/logger";
import { monotonicMs } from "../../../shared/runtime/monotonic";
import type { HotlineDeps } from "../deps";
import {
  claimNotification,
  escalationSmsText,
  giveUpNotification,
  markNotified,
  notificationDue,
  releaseClaim,
} from "../domain/escalation";
import type { OnCallSchedule } from "../domain/on-call-schedule";
import type { Triage } from "../domain/triage-state";
import { ScheduleStore } from "../store/schedule-store";
import { lostRace } from "../store/table";
import { TriageStore } from "../store/triage-store";
import type { SmsConfig } from "../telephony/provider";

type SmsState =
  | { readonly kind: "ready"; readonly config: SmsConfig }
  | { readonly kind: "not-configured" }
  | { readonly kind: "unavailable" };
export type NotifyOutcome = "sent" | "failed" | "skipped" | "undeliverable";

/**
 * No new SMS is started this long into a sweep (real time, not the service clock): with the
 * provider hanging, each send takes its full 10 s, and the sweep must end before its function's
 * 60 s timeout. What is left stays due for the next sweep, a minute later.
 */
export const SMS_SEND_BUDGET_MS = 40_000;

/**
 * Tells the manager of an escalation by SMS, once per sweep run (see domain/escalation.ts for how a
 * send is claimed, released and recorded). The SMS account and each municipality's schedule are
 * read at most once per run.
 */
export class EscalationNotifier {
  private smsState: Promise<SmsState> | undefined;
  private readonly scheduleReads = new Map<string, Promise<OnCallSchedule | undefined | "unavailable">>();
  private readonly startedAt = monotonicMs();
  private readonly triages: TriageStore;
  private readonly schedules: ScheduleStore;

  constructor(
    private readonly deps: HotlineDeps,
    private readonly now: Date,
  ) {
    this.triages = new TriageStore(deps);
    this.schedules = new ScheduleStore(deps);
  }

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
  private schedule(municipality: string): Promise<OnCallSchedule | undefined | "unavailable"> {
    let pending = this.scheduleReads.get(municipality);
    if (!pending) {
      pending = this.schedules.read(municipality).catch((error: unknown) => {
        this.deps.logger.error("schedule unavailable for an escalation SMS: retried on the next sweep", {
          municipality,
          error: describeError(error),
        });
        return "unavailable" as const;
      });
      this.scheduleReads.set(municipality, pending);
    }
    return pending;
  }

  /** Writes `next` if nobody changed the triage since `expectedVersion`; false when someone had. */
  private async write(next: Triage, expectedVersion: number): Promise<boolean> {
    try {
      await this.triages.commit(next, expectedVersion);
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  private async giveUp(
    triage: Triage,
    notification: "not-configured" | "no-recipient",
    message: string,
  ): Promise<NotifyOutcome> {
    const next = giveUpNotification(triage, notification);
    if (!next) return "skipped";
    // Logged once per escalation: the write takes it off the due index.
    this.deps.logger.error(message, { triageId: triage.id, municipality: triage.municipality });
    await this.write(next, triage.version);
    return "undeliverable";
  }

  async notify(triage: Triage): Promise<NotifyOutcome> {
    if (!notificationDue(triage, this.now)) return "skipped";
    if (monotonicMs() - this.startedAt > SMS_SEND_BUDGET_MS) return "failed";
    const sms = await this.sms();
    if (sms.kind === "unavailable") return "failed";
    if (sms.kind === "not-configured")
      return this.giveUp(
        triage,
        "not-configured",
        "escalated triage: the manager was not notified, SMS is not configured",
      );
    const schedule = await this.schedule(triage.municipality);
    if (schedule === "unavailable") return "failed";
    if (!schedule)
      return this.giveUp(
        triage,
        "no-recipient",
        "escalated triage: the manager was not notified, the municipality has no schedule",
      );

    const claimed = claimNotification(triage, schedule.manager.id, this.now);
    // Another sweep, or a member of staff, moved it first: whoever sees it next decides again.
    if (!(await this.write(claimed, triage.version))) return "skipped";
    const attempt = claimed.escalated?.attempts;
    try {
      await this.deps.telephony.sendSms(sms.config, {
        to: schedule.manager.phone,
        message: escalationSmsText({
          triageId: triage.id,
          municipality: triage.municipality,
          status: triage.status === "callback-needed" ? "callback-needed" : "open",
          receivedAt: new Date(triage.receivedAt),
          timeZone: schedule.timeZone,
        }),
      });
    } catch (error) {
      this.deps.logger.error("escalation SMS not sent: retried on the next sweep", {
        triageId: triage.id,
        municipality: triage.municipality,
        attempt,
        error: describeError(error),
      });
      await this.release(claimed);
      return "failed";
    }
    await this.markSent(claimed);
    this.deps.logger.info("escalation SMS sent to the manager", { triageId: triage.id, attempt });
    return "sent";
  }

  /** Hands the send back to the next sweep at once rather than after the claim lapses. */
  private async release(claimed: Triage): Promise<void> {
    try {
      await this.write(releaseClaim(claimed), claimed.version);
    } catch (error) {
      this.deps.logger.warn("escalation SMS claim not released: it lapses by itself", {
        triageId: claimed.id,
        error: describeError(error),
      });
    }
  }

  /** Records the send even when the triage moved meanwhile, re-reading it after a lost race. */
  private async markSent(claimed: Triage): Promise<void> {
    let current: Triage | undefined = claimed;
    for (let round = 0; round < 5 && current; round += 1) {
      const sent = markNotified(current, claimed, this.now);
      if (!sent) return;
      try {
        if (await this.write(sent, current.version)) return;
        current = await this.triages.read(claimed.id);
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
