/**
 * The API's rules for a municipality's settings, checked in the browser before anything is sent:
 * the same paths and the same words as the API's 400 (shared/settings/schema.ts through the edge's
 * shared/http/messages.ts), so one mapping (fieldMessage) says both in Swedish. The limits and
 * defaults come from the schema itself (./rules.generated.ts); console/test/settings-rules.test.ts
 * holds this check and the schema to the same answers.
 */
import type { FieldProblem } from "../api/problem";
import {
  ADULT_AGE,
  CHILD_UNIT,
  DEFAULT_SETTINGS,
  LIMITS,
  NATIONAL_SUPPRESSION_THRESHOLD,
  REFERRAL_KINDS,
  UNITS,
} from "./rules.generated";
import type { ChangeView, PutBody, RoutingOverride, Settings } from "./types";

export {
  ADULT_AGE,
  CHILD_UNIT,
  DEFAULT_SETTINGS,
  LIMITS,
  NATIONAL_SUPPRESSION_THRESHOLD,
  REFERRAL_KINDS,
  UNITS,
};

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** A rule broken, and whether the schema stops there (zod checks nothing more of that value). */
interface Broken {
  readonly messages: readonly string[];
  readonly aborted: boolean;
}

const numberRule = (value: number, bounds: Bounds, tooSmall = `must be at least ${bounds.min}`): Broken => {
  if (Number.isNaN(value)) return { messages: ["must be a number"], aborted: true };
  if (!Number.isInteger(value)) return { messages: ["must be an integer"], aborted: true };
  const messages: string[] = [];
  if (value < bounds.min) messages.push(tooSmall);
  if (value > bounds.max) messages.push(`must be at most ${bounds.max}`);
  return { messages, aborted: false };
};

const isIsoDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
};

/** A routing override as the form makes it: the unit may still be missing. */
export interface RuleCandidate {
  readonly unit?: RoutingOverride["unit"] | undefined;
  readonly kinds?: readonly NonNullable<RoutingOverride["kinds"]>[number][];
  readonly minAge?: number;
  readonly maxAge?: number;
}

/** A PUT's body as the form makes it: numbers may be NaN or fractions, required ones missing. */
export interface BodyCandidate {
  readonly effectiveFrom: string;
  readonly routing?: readonly RuleCandidate[];
  readonly firstOffenceConversationHours?: number | null;
  readonly releaseNoticeLeadMonths?: number;
  readonly adultInvestigationTargetDays?: number | null;
  readonly hotline?: { readonly acknowledgeMinutes?: number; readonly escalateMinutes?: number };
  readonly suppressionThreshold?: number;
}

export type BodyCheck =
  | { readonly ok: true; readonly body: PutBody }
  | { readonly ok: false; readonly fields: readonly FieldProblem[] };

const ruleProblems = (rule: RuleCandidate, path: string, fault: (p: string, m: string) => void): void => {
  let aborted = false;
  if (rule.unit === undefined) {
    fault(`${path}.unit`, "is required");
    aborted = true;
  }
  if (rule.kinds !== undefined && rule.kinds.length === 0)
    fault(`${path}.kinds`, "must have at least 1 item");
  for (const key of ["minAge", "maxAge"] as const) {
    const value = rule[key];
    if (value === undefined) continue;
    const broken = numberRule(value, LIMITS.age);
    for (const message of broken.messages) fault(`${path}.${key}`, message);
    aborted ||= broken.aborted;
  }
  // The schema's refinement runs only on an override whose fields have their types.
  if (aborted) return;
  if (rule.minAge !== undefined && rule.maxAge !== undefined && rule.minAge > rule.maxAge) {
    fault(`${path}.maxAge`, "must be at least minAge");
  }
  if (rule.unit !== CHILD_UNIT && (rule.minAge ?? 0) < ADULT_AGE) {
    fault(
      `${path}.minAge`,
      `must be at least ${ADULT_AGE} for a unit other than mottag-barn: a child's referral always goes to Mottag barn`,
    );
  }
};

/** The body as the API would take it, or every field at fault on the API's paths, in its words. */
export const checkBody = (candidate: BodyCandidate): BodyCheck => {
  const fields: FieldProblem[] = [];
  const fault = (path: string, message: string) => {
    if (!fields.some((f) => f.path === path && f.message === message)) fields.push({ path, message });
  };
  const number = (path: string, value: number | null | undefined, bounds: Bounds, tooSmall?: string) => {
    if (value === null || value === undefined) return;
    for (const message of numberRule(value, bounds, tooSmall).messages) fault(path, message);
  };
  if (!isIsoDate(candidate.effectiveFrom)) fault("effectiveFrom", "must be a date (YYYY-MM-DD)");
  if (candidate.routing) {
    if (candidate.routing.length > LIMITS.routingRules) {
      fault("routing", `must have at most ${LIMITS.routingRules} items`);
    }
    candidate.routing.forEach((rule, i) => {
      ruleProblems(rule, `routing.${i}`, fault);
    });
  }
  number(
    "firstOffenceConversationHours",
    candidate.firstOffenceConversationHours,
    LIMITS.firstOffenceConversationHours,
  );
  number("releaseNoticeLeadMonths", candidate.releaseNoticeLeadMonths, LIMITS.releaseNoticeLeadMonths);
  number(
    "adultInvestigationTargetDays",
    candidate.adultInvestigationTargetDays,
    LIMITS.adultInvestigationTargetDays,
  );
  if (candidate.hotline) {
    for (const key of ["acknowledgeMinutes", "escalateMinutes"] as const) {
      const value = candidate.hotline[key];
      if (value === undefined) fault(`hotline.${key}`, "is required");
      else number(`hotline.${key}`, value, LIMITS[key]);
    }
  }
  number(
    "suppressionThreshold",
    candidate.suppressionThreshold,
    LIMITS.suppressionThreshold,
    `must be at least ${NATIONAL_SUPPRESSION_THRESHOLD}: never below the national threshold`,
  );
  // Every value was checked above against its type and bounds (the unit present, no NaN): it is the body.
  return fields.length > 0 ? { ok: false, fields } : { ok: true, body: candidate as PutBody };
};

/** Fields left out keep their defaults; `hotline` is one field and is replaced whole. */
export const withDefaults = (chosen: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...chosen });

/**
 * What is in force on `date` from a history, as shared/settings/resolve.ts decides it: the change
 * made last among those from `date` or earlier, with its defaults. Given `made`, only the changes
 * made before it count: what a change replaced.
 */
export const settingsBefore = (history: readonly ChangeView[], date: string, made?: string): Settings => {
  let governing: ChangeView | undefined;
  for (const change of history) {
    if (made !== undefined && change.changedAt >= made) continue;
    if (change.effectiveFrom > date) continue;
    if (!governing || governing.changedAt <= change.changedAt) governing = change;
  }
  return governing ? withDefaults(governing.chosen) : DEFAULT_SETTINGS;
};
