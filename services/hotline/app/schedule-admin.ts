import { retryOnLostRace } from "../../../shared/app/lost-race";
import type { Caller } from "../../../shared/domain/caller";
import type { ScheduleBody } from "../contract-schedule-body";
import type { HotlineDeps } from "../deps";
import { requireOwnMunicipality } from "../domain/access";
import {
  type OnCallSchedule,
  replaceSchedule,
  requireOnCall,
  requireSchedule,
} from "../domain/on-call-schedule";
import { gaps } from "../domain/rotation";
import { retentionExpiry } from "../domain/triage-clock";
import { auditSubject } from "../store/audit-trail";
import { ScheduleStore } from "../store/schedule-store";
import { auditEntry, type Context } from "./context";

const DAY_MS = 86_400_000;

export const toScheduleView = (schedule: OnCallSchedule) => ({
  municipality: schedule.municipality,
  ...(schedule.hotlineNumber ? { hotlineNumber: schedule.hotlineNumber } : {}),
  timeZone: schedule.timeZone,
  handoffTime: schedule.handoffTime,
  rotation: schedule.rotation,
  overrides: schedule.overrides,
  manager: schedule.manager,
  ringSeconds: schedule.ringSeconds,
  ...(schedule.fallbackMessage ? { fallbackMessage: schedule.fallbackMessage } : {}),
  updatedAt: schedule.updatedAt,
  updatedBy: schedule.updatedBy,
});

/** The on-call schedule: kept by the municipality's administrator, read by its on-call staff. */
export class ScheduleAdmin {
  private readonly schedules: ScheduleStore;

  constructor(private readonly deps: HotlineDeps) {
    this.schedules = new ScheduleStore(deps);
  }

  private async readOwn(municipality: string, caller: Caller): Promise<OnCallSchedule> {
    requireOwnMunicipality(caller, municipality);
    return requireSchedule(await this.schedules.read(municipality, { consistent: true }));
  }

  /** The whole schedule is replaced: what the administrator sends is what holds from now on. */
  async put(municipality: string, body: ScheduleBody, context: Context) {
    requireOwnMunicipality(context.caller, municipality);
    const now = this.deps.clock.now();
    const current = await this.schedules.read(municipality, { consistent: true });
    const next = replaceSchedule(current, body, { municipality, actor: context.caller.subject, now });
    const audit = auditEntry(
      context,
      { key: auditSubject.schedule(municipality), municipality },
      "schedule:put",
      now,
      retentionExpiry(now),
    );
    // Two administrators saving at once: the second is told (409), not silently overwritten, so
    // a lost race is not decided again.
    await retryOnLostRace("schedule", () => this.schedules.replace(next, current?.version, audit), {
      attempts: 1,
    });
    return { created: current === undefined, view: toScheduleView(next) };
  }

  async get(municipality: string, context: Context) {
    return toScheduleView(await this.readOwn(municipality, context.caller));
  }

  async onCall(municipality: string, at: Date | undefined, context: Context) {
    const schedule = await this.readOwn(municipality, context.caller);
    const found = requireOnCall(schedule, at ?? this.deps.clock.now());
    return {
      memberId: found.member.id,
      name: found.member.name,
      from: found.from.toISOString(),
      until: found.until.toISOString(),
      override: found.override,
    };
  }

  async gaps(municipality: string, days: number, context: Context) {
    const schedule = await this.readOwn(municipality, context.caller);
    const from = this.deps.clock.now();
    const until = new Date(from.getTime() + days * DAY_MS);
    return {
      municipality,
      from: from.toISOString(),
      until: until.toISOString(),
      gaps: gaps(schedule, from, until).map((g) => ({
        kind: g.kind,
        start: g.start.toISOString(),
        end: g.end.toISOString(),
        ...(g.memberId ? { memberId: g.memberId } : {}),
      })),
      fallbackMessageMissing: schedule.fallbackMessage === undefined,
    };
  }
}
