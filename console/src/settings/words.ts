/** Each setting in words: its name, what it means, its limits and default, and a value as people read it. */
import { t } from "../i18n";
import type { SettingKey, SettingValue } from "./draft";
import { ADULT_AGE, DEFAULT_SETTINGS, LIMITS, NATIONAL_SUPPRESSION_THRESHOLD } from "./rules";
import type { RoutingOverride } from "./types";

const s = () => t.settings;

export const labelOf = (key: SettingKey): string => s()[key].label;

export const meaningOf = (key: SettingKey): string => {
  if (key === "suppressionThreshold") return s().suppressionThreshold.meaning(NATIONAL_SUPPRESSION_THRESHOLD);
  return s()[key].meaning;
};

const ruleWords = (rule: RoutingOverride): string => {
  const r = s().routing;
  const kinds = rule.kinds?.map((kind) => t.referral.kind[kind]).join(", ") ?? r.allKinds;
  const ages =
    rule.minAge === undefined && rule.maxAge === undefined ? r.allAges : r.ages(rule.minAge, rule.maxAge);
  return `${t.referral.unit[rule.unit]}: ${kinds}, ${ages}`;
};

/** The routing overrides one per line; every other value as one phrase. */
export const valueWords = (key: SettingKey, value: SettingValue): string[] => {
  if (key === "routing") {
    const rules = value as readonly RoutingOverride[];
    return rules.length === 0 ? [s().routing.none] : rules.map(ruleWords);
  }
  const n = value as number | null;
  switch (key) {
    case "firstOffenceConversationHours":
      return [n === null ? s().firstOffenceConversationHours.none : s()[key].value(n)];
    case "adultInvestigationTargetDays":
      return [n === null ? s().adultInvestigationTargetDays.none : s()[key].value(n)];
    default:
      return [n === null ? t.none : s()[key].value(n)];
  }
};

const defaultValue = (key: SettingKey): SettingValue =>
  key === "acknowledgeMinutes" || key === "escalateMinutes"
    ? DEFAULT_SETTINGS.hotline[key]
    : DEFAULT_SETTINGS[key];

export const defaultWords = (key: SettingKey): string[] => valueWords(key, defaultValue(key));

/** The hint under a number field: what empty means, the limits the API holds it to, the default. */
export const hintOf = (key: Exclude<SettingKey, "routing">): string => {
  const { min, max } = LIMITS[key];
  const empty =
    key === "firstOffenceConversationHours"
      ? s().emptyMeans(s().firstOffenceConversationHours.empty)
      : key === "adultInvestigationTargetDays"
        ? s().emptyMeans(s().adultInvestigationTargetDays.empty)
        : "";
  const standard = s().standard(defaultWords(key).join(", "));
  return [meaningOf(key), s().range(min, max), empty, standard].filter(Boolean).join(" ");
};

export const ageHint = (): string => s().routing.ageHint(LIMITS.age.min, LIMITS.age.max, ADULT_AGE);
