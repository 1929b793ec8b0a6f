import { DomainError } from "../../../shared/domain/errors";
import { type Member, onCallAt, type Schedule } from "./rotation";

/**
 * A municipality's on-call schedule as kept: the rotation (rotation.ts) and who last set it. An
 * administrator replaces it whole: what they send is what holds from now on.
 */
export interface OnCallSchedule extends Schedule {
  readonly municipality: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Bumped by every save; a save holds only if nobody saved since it was read. */
  readonly version: number;
}

export const replaceSchedule = (
  current: OnCallSchedule | undefined,
  input: Schedule,
  change: { readonly municipality: string; readonly actor: string; readonly now: Date },
): OnCallSchedule => ({
  municipality: change.municipality,
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
