/**
 * The settings as the form holds them (text as typed), the body a PUT sends, and what a change
 * changes. Pure.
 *
 * A PUT replaces the settings from its date on and gives every field it leaves out its default, so
 * the form starts from the settings in force and sends every field that differs from its default:
 * what the municipality did not choose keeps following the default.
 */
import { type BodyCheck, checkBody, DEFAULT_SETTINGS, type RuleCandidate, withDefaults } from "./rules";
import type { ReferralKind, RoutingOverride, Settings, Unit } from "./types";

export interface RuleDraft {
  /** The row's own key for the page, not sent. */
  readonly key: number;
  readonly unit: Unit | "";
  readonly kinds: readonly ReferralKind[];
  readonly minAge: string;
  readonly maxAge: string;
}

export interface SettingsDraft {
  readonly effectiveFrom: string;
  readonly routing: readonly RuleDraft[];
  readonly firstOffenceConversationHours: string;
  readonly releaseNoticeLeadMonths: string;
  readonly adultInvestigationTargetDays: string;
  readonly acknowledgeMinutes: string;
  readonly escalateMinutes: string;
  readonly suppressionThreshold: string;
}

/** The form's number fields, by the API's path of each. */
export const NUMBER_FIELDS = {
  firstOffenceConversationHours: "firstOffenceConversationHours",
  releaseNoticeLeadMonths: "releaseNoticeLeadMonths",
  adultInvestigationTargetDays: "adultInvestigationTargetDays",
  acknowledgeMinutes: "hotline.acknowledgeMinutes",
  escalateMinutes: "hotline.escalateMinutes",
  suppressionThreshold: "suppressionThreshold",
} as const;
export type NumberField = keyof typeof NUMBER_FIELDS;

let lastKey = 0;
export const emptyRule = (): RuleDraft => ({ key: ++lastKey, unit: "", kinds: [], minAge: "", maxAge: "" });

const text = (n: number | null | undefined): string => (n === null || n === undefined ? "" : String(n));

export const draftOf = (settings: Settings, effectiveFrom: string): SettingsDraft => ({
  effectiveFrom,
  routing: settings.routing.map((rule) => ({
    key: ++lastKey,
    unit: rule.unit,
    kinds: rule.kinds ?? [],
    minAge: text(rule.minAge),
    maxAge: text(rule.maxAge),
  })),
  firstOffenceConversationHours: text(settings.firstOffenceConversationHours),
  releaseNoticeLeadMonths: text(settings.releaseNoticeLeadMonths),
  adultInvestigationTargetDays: text(settings.adultInvestigationTargetDays),
  acknowledgeMinutes: text(settings.hotline.acknowledgeMinutes),
  escalateMinutes: text(settings.hotline.escalateMinutes),
  suppressionThreshold: text(settings.suppressionThreshold),
});

/** Text as a number for the schema to judge: "4,5" or "fyra" is NaN, which it names as not a number. */
const numberOf = (value: string): number | undefined => {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

const ruleOf = (rule: RuleDraft): RuleCandidate => ({
  ...(rule.unit === "" ? {} : { unit: rule.unit }),
  ...(rule.kinds.length > 0 ? { kinds: [...rule.kinds] } : {}),
  ...(rule.minAge.trim() ? { minAge: numberOf(rule.minAge) } : {}),
  ...(rule.maxAge.trim() ? { maxAge: numberOf(rule.maxAge) } : {}),
});

/** Equal as values, whatever the order of an object's keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * Every field as it would be from the date on, checked as the API checks it: the body to send
 * (only what differs from the defaults) with the settings it makes, or every field at fault.
 */
export const checkDraft = (draft: SettingsDraft): BodyCheck & { readonly settings?: Settings } => {
  // Empty means "none" for the two that may be null; the others must be filled in.
  const required = (
    ["releaseNoticeLeadMonths", "acknowledgeMinutes", "escalateMinutes", "suppressionThreshold"] as const
  )
    .filter((field) => draft[field].trim() === "")
    .map((field) => ({ path: NUMBER_FIELDS[field], message: "is required" }));
  const lead = numberOf(draft.releaseNoticeLeadMonths);
  const threshold = numberOf(draft.suppressionThreshold);
  const acknowledge = numberOf(draft.acknowledgeMinutes);
  const escalate = numberOf(draft.escalateMinutes);
  const checked = checkBody({
    effectiveFrom: draft.effectiveFrom,
    routing: draft.routing.map(ruleOf),
    firstOffenceConversationHours: numberOf(draft.firstOffenceConversationHours) ?? null,
    adultInvestigationTargetDays: numberOf(draft.adultInvestigationTargetDays) ?? null,
    ...(lead === undefined ? {} : { releaseNoticeLeadMonths: lead }),
    ...(threshold === undefined ? {} : { suppressionThreshold: threshold }),
    hotline: {
      ...(acknowledge === undefined ? {} : { acknowledgeMinutes: acknowledge }),
      ...(escalate === undefined ? {} : { escalateMinutes: escalate }),
    },
  });
  if (!checked.ok || required.length > 0) {
    const fields = checked.ok ? [] : checked.fields;
    const named = new Set(fields.map((f) => f.path));
    return { ok: false, fields: [...required.filter((r) => !named.has(r.path)), ...fields] };
  }
  const { effectiveFrom, ...chosen } = checked.body;
  const settings = withDefaults(chosen);
  const differing = Object.fromEntries(
    (Object.keys(settings) as (keyof Settings)[])
      .filter((key) => !same(settings[key], DEFAULT_SETTINGS[key]))
      .map((key) => [key, settings[key]]),
  );
  return { ok: true, body: { effectiveFrom, ...differing }, settings };
};

export type SettingKey =
  | "routing"
  | "firstOffenceConversationHours"
  | "releaseNoticeLeadMonths"
  | "adultInvestigationTargetDays"
  | "acknowledgeMinutes"
  | "escalateMinutes"
  | "suppressionThreshold";

/** Each setting as one value, in the order the page lists them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  "routing",
  "firstOffenceConversationHours",
  "releaseNoticeLeadMonths",
  "adultInvestigationTargetDays",
  "acknowledgeMinutes",
  "escalateMinutes",
  "suppressionThreshold",
];

export type SettingValue = number | null | readonly RoutingOverride[];

export const settingValue = (settings: Settings, key: SettingKey): SettingValue => {
  switch (key) {
    case "acknowledgeMinutes":
    case "escalateMinutes":
      return settings.hotline[key];
    default:
      return settings[key];
  }
};

export interface SettingChange {
  readonly key: SettingKey;
  readonly from: SettingValue;
  readonly to: SettingValue;
}

/** What differs between the settings before and after a change, setting by setting. */
export const changesBetween = (before: Settings, after: Settings): SettingChange[] =>
  SETTING_KEYS.filter((key) => !same(settingValue(before, key), settingValue(after, key))).map((key) => ({
    key,
    from: settingValue(before, key),
    to: settingValue(after, key),
  }));
