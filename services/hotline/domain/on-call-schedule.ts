import { DomainError } from "../../../shared/domain/errors";
import { type Member, onCallAt, type Schedule } from "./rotation";

/**
 * A municipality's on-call schedule as kept: the rotation (rotation.ts) and who last set it. An
 * administrator replaces it whole: what they send is what holds from now on.
 */
export interface OnCallSchedule extends Schedule {
  readonly municipality: string;
  /**
   * The municipality's hotline number (E.164): the number the provider reports as called (`to`).
   * Absent only on a schedule saved before it was asked for.
   */
  readonly hotlineNumber?: string | undefined;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Bumped by every save; a save holds only if nobody saved since it was read. */
  readonly version: number;
}

export const replaceSchedule = (
  current: OnCallSchedule | undefined,
  input: Schedule & { readonly hotlineNumber: string },
  change: { readonly municipality: string; readonly actor: string; readonly now: Date },
): OnCallSchedule => ({
  municipality: change.municipality,
  hotlineNumber: input.hotlineNumber,
  timeZone: input.timeZone,
  handoffTime: input.handoffTime,
  rotation: {
    startDate: input.rotation.startDate,
    shiftDays: input.rotation.shiftDays,
    members: input.rotation.members.map(
      (m): Member => ({ id: m.id, name: m.name, ...(m.phone ? { phone: m.phone } : {}) }),
    ),
  },
  overrides: input.overrides.map((o) => ({ start: o.start, end: o.end, memberId: o.memberId })),
  manager: { id: input.manager.id, name: input.manager.name, phone: input.manager.phone },
  ringSeconds: input.ringSeconds,
  ...(input.fallbackMessage ? { fallbackMessage: input.fallbackMessage } : {}),
  updatedAt: change.now.toISOString(),
  updatedBy: change.actor,
  version: (current?.version ?? -1) + 1,
});

export const requireSchedule = (schedule: OnCallSchedule | undefined): OnCallSchedule => {
  if (!schedule) {
    throw new DomainError("not-found", "This municipality has no on-call schedule", { code: "no-schedule" });
  }
  return schedule;
};

/** The member on call at `at` and the stretch they cover; not found when nobody is. */
export const requireOnCall = (schedule: Schedule, at: Date) => {
  const found = onCallAt(schedule, at);
  if (!found) {
    throw new DomainError("not-found", "Nobody is on call at this time", { code: "nobody-on-call" });
  }
  return found;
};

/**
 * Whether a call came in on the municipality's hotline: a credential for one municipality used
 * with another number (or none) must not ring its staff. `not-set`: a schedule saved before the
 * number was asked for, where nothing can be checked.
 */
export type CalledNumber = "hotline" | "other-number" | "not-set";

export const calledNumber = (schedule: OnCallSchedule, called: string | undefined): CalledNumber => {
  if (!schedule.hotlineNumber) return "not-set";
  return called?.trim() === schedule.hotlineNumber ? "hotline" : "other-number";
};
