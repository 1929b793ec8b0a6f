import type { ChainRole } from "./triage-state";
import { localDate, zonedInstant } from "./zoned-time";

/**
 * On-call schedules, pure: who is on call at an instant, the escalation chain for a call, and the
 * stretches nobody covers. Handoffs happen at a local wall-clock time in the schedule's time zone,
 * so a shift across a daylight-saving switch is an hour shorter or longer in real time. The chain
 * (on call, next in the rotation, manager) is a local agreement, not law.
 */

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly phone?: string | undefined;
}

export interface Override {
  readonly start: string;
  readonly end: string;
  readonly memberId: string;
}

export interface Schedule {
  readonly timeZone: string;
  /** `HH:MM`, local to `timeZone`. */
  readonly handoffTime: string;
  readonly rotation: {
    readonly startDate: string;
    readonly shiftDays: number;
    readonly members: readonly Member[];
  };
  readonly overrides: readonly Override[];
  readonly manager: { readonly id: string; readonly name: string; readonly phone: string };
  readonly ringSeconds: number;
  readonly fallbackMessage?: string | undefined;
}

export interface Shift {
  readonly memberId: string;
  /** Index of the shift since the rotation's start (0 is the first). */
  readonly index: number;
  readonly from: Date;
  readonly until: Date;
}

export interface Segment {
  readonly start: Date;
  readonly end: Date;
  /** Undefined: nobody is on call. */
  readonly memberId: string | undefined;
  readonly override: boolean;
}

export interface ChainLink {
  readonly memberId: string;
  readonly role: ChainRole;
  readonly phone: string;
}

const DAY_MS = 86_400_000;

const dateParts = (date: string): [number, number, number] => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error("not an ISO date");
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};

/** Calendar arithmetic on dates alone, at noon UTC so that no zone can shift the day. */
const addDays = (date: string, days: number): string => {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
};

const daysBetween = (from: string, to: string): number => {
  const [y1, m1, d1] = dateParts(from);
  const [y2, m2, d2] = dateParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
};

/**
 * The instant of the handoff on a local date. A handoff time that does not exist that day (inside
 * the spring-forward hour) moves on by the hour skipped (02:30 becomes 03:30); one that happens
 * twice (the autumn hour that repeats) is the second, so nobody's shift ends an hour early.
 */
export const handoffInstant = (schedule: Pick<Schedule, "timeZone" | "handoffTime">, date: string): Date => {
  const [y, m, d] = dateParts(date);
  const [hh, mm] = schedule.handoffTime.split(":").map(Number);
  return zonedInstant(y, m, d, hh ?? 0, mm ?? 0, schedule.timeZone);
};

/** The rotation's shift covering `at`, or undefined before the rotation starts. */
export const shiftAt = (schedule: Schedule, at: Date): Shift | undefined => {
  const { startDate, shiftDays, members } = schedule.rotation;
  const today = localDate(at, schedule.timeZone);
  const lastHandoffDate = at >= handoffInstant(schedule, today) ? today : addDays(today, -1);
  const days = daysBetween(startDate, lastHandoffDate);
  if (days < 0) return undefined;
  const index = Math.floor(days / shiftDays);
  const first = addDays(startDate, index * shiftDays);
  const member = members[index % members.length];
  if (!member) return undefined;
  return {
    memberId: member.id,
    index,
    from: handoffInstant(schedule, first),
    until: handoffInstant(schedule, addDays(first, shiftDays)),
  };
};

/** Later overrides take precedence over earlier ones where they overlap. */
const overrideAt = (schedule: Schedule, at: Date): Override | undefined => {
  const t = at.getTime();
  let found: Override | undefined;
  for (const o of schedule.overrides) {
    if (Date.parse(o.start) <= t && t < Date.parse(o.end)) found = o;
  }
  return found;
};

/** Who is on call at an instant, and whether an override put them there. */
export const memberAt = (
  schedule: Schedule,
  at: Date,
): { memberId: string; override: boolean } | undefined => {
  const override = overrideAt(schedule, at);
  if (override) return { memberId: override.memberId, override: true };
  const shift = shiftAt(schedule, at);
  return shift ? { memberId: shift.memberId, override: false } : undefined;
};

export const findPerson = (schedule: Schedule, id: string): Member | undefined =>
  schedule.rotation.members.find((m) => m.id === id) ??
  (schedule.manager.id === id ? schedule.manager : undefined);

/**
 * Who is on call over [from, to): consecutive stretches of one member (or of nobody), cut at every
 * handoff and override edge and merged where the member does not change.
 */
export const segments = (schedule: Schedule, from: Date, to: Date): Segment[] => {
  const edges = new Set<number>([from.getTime(), to.getTime()]);
  const inside = (t: number) => t > from.getTime() && t < to.getTime();
  const rotationStart = handoffInstant(schedule, schedule.rotation.startDate);
  if (inside(rotationStart.getTime())) edges.add(rotationStart.getTime());
  let shift = shiftAt(schedule, from) ?? shiftAt(schedule, rotationStart);
  while (shift && shift.until.getTime() < to.getTime()) {
    if (inside(shift.until.getTime())) edges.add(shift.until.getTime());
    shift = shiftAt(schedule, shift.until);
  }
  for (const o of schedule.overrides) {
    for (const t of [Date.parse(o.start), Date.parse(o.end)]) if (inside(t)) edges.add(t);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? 0;
    const who = memberAt(schedule, new Date(start));
    const last = result[result.length - 1];
    if (last && last.memberId === who?.memberId && last.override === (who?.override ?? false)) {
      result[result.length - 1] = { ...last, end: new Date(end) };
    } else {
      result.push({
        start: new Date(start),
        end: new Date(end),
        memberId: who?.memberId,
        override: who?.override ?? false,
      });
    }
  }
  return result;
};

/** How far either side of an instant the on-call stretch is looked for. */
export const ON_CALL_WINDOW_DAYS = 31;

/**
 * The on-call member at `at` and the stretch they cover without a change of person (bounded by
 * ON_CALL_WINDOW_DAYS either side). Undefined when nobody is on call.
 */
export const onCallAt = (
  schedule: Schedule,
  at: Date,
): { member: Member; from: Date; until: Date; override: boolean } | undefined => {
  const window = ON_CALL_WINDOW_DAYS * DAY_MS;
  const stretch = segments(schedule, new Date(at.getTime() - window), new Date(at.getTime() + window)).find(
    (s) => s.start <= at && at < s.end,
  );
  if (!stretch?.memberId) return undefined;
  const member = findPerson(schedule, stretch.memberId);
  if (!member) return undefined;
  return { member, from: stretch.start, until: stretch.end, override: stretch.override };
};

/**
 * Who a call rings, in order: the member on call, then the member whose rotation shift comes next
 * (the first after them with a phone), then the manager. Nobody twice, and nobody without a phone. In a stretch with nobody on call the
 * manager is still rung: a caller must reach a person whenever one can be reached.
 */
export const escalationChain = (schedule: Schedule, at: Date): ChainLink[] => {
  const candidates: { id: string; role: ChainRole }[] = [];
  const onCall = memberAt(schedule, at);
  if (onCall) candidates.push({ id: onCall.memberId, role: "on-call" });
  const shift = shiftAt(schedule, at);
  const members = schedule.rotation.members;
  if (shift) {
    // The next shift's member, or the first after them who can be rung; last of all the member
    // whose shift an override took over.
    for (let step = 1; step <= members.length; step++) {
      const next = members[(shift.index + step) % members.length];
      if (next?.phone && next.id !== onCall?.memberId) {
        candidates.push({ id: next.id, role: "rotation" });
        break;
      }
    }
  }
  candidates.push({ id: schedule.manager.id, role: "manager" });
  const chain: ChainLink[] = [];
  for (const candidate of candidates) {
    if (chain.some((link) => link.memberId === candidate.id)) continue;
    const phone = findPerson(schedule, candidate.id)?.phone;
    if (phone) chain.push({ memberId: candidate.id, role: candidate.role, phone });
  }
  return chain;
};

export interface Gap {
  readonly kind: "nobody-on-call" | "no-phone";
  readonly start: Date;
  readonly end: Date;
  readonly memberId?: string;
}

/** Stretches in [from, to) with nobody on call, or with someone on call who has no phone. */
export const gaps = (schedule: Schedule, from: Date, to: Date): Gap[] =>
  segments(schedule, from, to).flatMap((s): Gap[] => {
    if (!s.memberId) return [{ kind: "nobody-on-call", start: s.start, end: s.end }];
    if (!findPerson(schedule, s.memberId)?.phone) {
      return [{ kind: "no-phone", start: s.start, end: s.end, memberId: s.memberId }];
    }
    return [];
  });
