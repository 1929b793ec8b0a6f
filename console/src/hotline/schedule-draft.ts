/**
 * The on-call schedule as the form holds it (text as typed) and the checks the API makes, made
 * first in the browser so that a mistake is named at once. Each refusal is worded as the API words
 * it, on the API's path, so one mapping (fieldMessage, problemsFor) says both in Swedish.
 */
import type { FieldProblem } from "../api/problem";
import type { ScheduleBody, ScheduleView } from "../api/types";
import { instantToWall, isTimeZone, wallToInstant } from "./zoned";

export interface PersonDraft {
  /** The row's own key for the page, not sent: ids may be edited or repeated while typing. */
  readonly key: number;
  readonly id: string;
  readonly name: string;
  readonly phone: string;
}

export interface OverrideDraft {
  readonly key: number;
  readonly memberId: string;
  /** `YYYY-MM-DDTHH:MM` in the schedule's time zone. */
  readonly start: string;
  readonly end: string;
}

export interface ScheduleDraft {
  readonly hotlineNumber: string;
  readonly timeZone: string;
  readonly handoffTime: string;
  readonly startDate: string;
  readonly shiftDays: string;
  readonly members: readonly PersonDraft[];
  readonly overrides: readonly OverrideDraft[];
  readonly manager: Omit<PersonDraft, "key">;
  readonly ringSeconds: string;
  readonly fallbackMessage: string;
}

export const DEFAULT_TIME_ZONE = "Europe/Stockholm";

let lastKey = 0;
export const nextKey = (): number => ++lastKey;

export const emptyPerson = (): PersonDraft => ({ key: nextKey(), id: "", name: "", phone: "" });

export const emptyDraft = (today: string): ScheduleDraft => ({
  hotlineNumber: "",
  timeZone: DEFAULT_TIME_ZONE,
  handoffTime: "08:00",
  startDate: today,
  shiftDays: "7",
  members: [emptyPerson()],
  overrides: [],
  manager: { id: "", name: "", phone: "" },
  ringSeconds: "25",
  fallbackMessage: "",
});

export const draftOf = (view: ScheduleView): ScheduleDraft => ({
  hotlineNumber: view.hotlineNumber ?? "",
  timeZone: view.timeZone,
  handoffTime: view.handoffTime,
  startDate: view.rotation.startDate,
  shiftDays: String(view.rotation.shiftDays),
  members: view.rotation.members.map((m) => ({
    key: nextKey(),
    id: m.id,
    name: m.name,
    phone: m.phone ?? "",
  })),
  overrides: view.overrides.map((o) => ({
    key: nextKey(),
    memberId: o.memberId,
    start: instantToWall(o.start, view.timeZone),
    end: instantToWall(o.end, view.timeZone),
  })),
  manager: { id: view.manager.id, name: view.manager.name, phone: view.manager.phone },
  ringSeconds: String(view.ringSeconds),
  fallbackMessage: view.fallbackMessage ?? "",
});

// The API's rules (services/hotline/contract.ts), in its words.
const E164 = /^\+[1-9]\d{6,14}$/;
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MESSAGES = {
  required: "is required",
  e164: "must be a phone number in E.164 (+46701234567)",
  zone: "must be an IANA time zone such as Europe/Stockholm",
  hhmm: "must be HH:MM",
  date: "must be a date (YYYY-MM-DD)",
  dateTime: "must be a date and time (ISO 8601, with offset)",
  id: "must be 1-64 letters, digits or . _ : -",
  repeated: "must not repeat a member id",
  integer: "must be an integer",
  notMember: "must be a member of the rotation or the manager",
  afterStart: "must be after start",
  https: "must be an https URL",
} as const;

/** A whole number within bounds, or the rule it breaks. */
const integerRule = (text: string, min: number, max: number): string | undefined => {
  if (!text.trim()) return MESSAGES.required;
  if (!/^-?\d+$/.test(text.trim())) return MESSAGES.integer;
  const n = Number(text.trim());
  if (n < min) return `must be at least ${min}`;
  if (n > max) return `must be at most ${max}`;
  return undefined;
};

const isHttpsUrl = (text: string): boolean => {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
};

export type DraftCheck =
  | { readonly ok: true; readonly body: ScheduleBody }
  | { readonly ok: false; readonly fields: readonly FieldProblem[] };

/** The body to send, or every field at fault. */
export const checkDraft = (draft: ScheduleDraft): DraftCheck => {
  const fields: FieldProblem[] = [];
  const fault = (path: string, message: string | undefined) => {
    if (message) fields.push({ path, message });
  };
  const text = (path: string, value: string, max: number) =>
    fault(
      path,
      !value.trim()
        ? MESSAGES.required
        : value.trim().length > max
          ? `must be at most ${max} characters long`
          : undefined,
    );
  const phone = (path: string, value: string, required: boolean) =>
    fault(
      path,
      !value.trim()
        ? required
          ? MESSAGES.required
          : undefined
        : E164.test(value.trim())
          ? undefined
          : MESSAGES.e164,
    );
  const id = (path: string, value: string) =>
    fault(path, !value.trim() ? MESSAGES.required : ENTITY_ID.test(value.trim()) ? undefined : MESSAGES.id);

  phone("hotlineNumber", draft.hotlineNumber, true);
  fault(
    "timeZone",
    !draft.timeZone.trim()
      ? MESSAGES.required
      : isTimeZone(draft.timeZone.trim())
        ? undefined
        : MESSAGES.zone,
  );
  fault("handoffTime", HH_MM.test(draft.handoffTime) ? undefined : MESSAGES.hhmm);
  fault(
    "rotation.startDate",
    !draft.startDate
      ? MESSAGES.required
      : DATE.test(draft.startDate) && !Number.isNaN(Date.parse(draft.startDate))
        ? undefined
        : MESSAGES.date,
  );
  fault("rotation.shiftDays", integerRule(draft.shiftDays, 1, 28));
  if (draft.members.length === 0) fault("rotation.members", "must have at least 1 item");
  draft.members.forEach((m, i) => {
    id(`rotation.members.${i}.id`, m.id);
    text(`rotation.members.${i}.name`, m.name, 200);
    phone(`rotation.members.${i}.phone`, m.phone, false);
  });
  const ids = draft.members.map((m) => m.id.trim());
  if (new Set(ids).size !== ids.length) fault("rotation.members", MESSAGES.repeated);
  id("manager.id", draft.manager.id);
  text("manager.name", draft.manager.name, 200);
  phone("manager.phone", draft.manager.phone, true);
  fault("ringSeconds", integerRule(draft.ringSeconds, 5, 120));
  const zone = isTimeZone(draft.timeZone.trim()) ? draft.timeZone.trim() : undefined;
  const people = new Set([...ids, draft.manager.id.trim()]);
  const overrides = draft.overrides.map((o, i) => {
    const start = zone ? wallToInstant(o.start, zone) : undefined;
    const end = zone ? wallToInstant(o.end, zone) : undefined;
    fault(
      `overrides.${i}.memberId`,
      !o.memberId ? MESSAGES.required : people.has(o.memberId) ? undefined : MESSAGES.notMember,
    );
    // Without a valid zone the times cannot be placed; the zone's own error says why.
    if (zone) {
      fault(`overrides.${i}.start`, !o.start ? MESSAGES.required : start ? undefined : MESSAGES.dateTime);
      fault(`overrides.${i}.end`, !o.end ? MESSAGES.required : end ? undefined : MESSAGES.dateTime);
      if (start && end && end <= start) fault(`overrides.${i}.end`, MESSAGES.afterStart);
    }
    return { start: start?.toISOString() ?? "", end: end?.toISOString() ?? "", memberId: o.memberId };
  });
  const fallback = draft.fallbackMessage.trim();
  fault(
    "fallbackMessage",
    !fallback
      ? undefined
      : fallback.length > 1000
        ? "must be at most 1000 characters long"
        : isHttpsUrl(fallback)
          ? undefined
          : MESSAGES.https,
  );
  if (fields.length > 0) return { ok: false, fields };
  return {
    ok: true,
    body: {
      hotlineNumber: draft.hotlineNumber.trim(),
      timeZone: draft.timeZone.trim(),
      handoffTime: draft.handoffTime,
      rotation: {
        startDate: draft.startDate,
        shiftDays: Number(draft.shiftDays.trim()),
        members: draft.members.map((m) => ({
          id: m.id.trim(),
          name: m.name.trim(),
          ...(m.phone.trim() ? { phone: m.phone.trim() } : {}),
        })),
      },
      overrides,
      manager: {
        id: draft.manager.id.trim(),
        name: draft.manager.name.trim(),
        phone: draft.manager.phone.trim(),
      },
      ringSeconds: Number(draft.ringSeconds.trim()),
      ...(fallback ? { fallbackMessage: fallback } : {}),
    },
  };
};
