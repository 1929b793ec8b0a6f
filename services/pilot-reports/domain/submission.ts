import {
  type Decision,
  type FieldIssue,
  fail,
  invalid,
  ok,
  unprocessable,
} from "../../../shared/domain/errors";
import { findMetric, type MetricDefinition } from "./catalogue";
import { type Month, monthSpan, stockholmMonth } from "./months";
import { RATES } from "./rates";
import { RELATIONS } from "./relations";

/**
 * A municipality's own figures for one month, from its own case system. The latest one for a
 * month is the record the report uses; every earlier one stays in the history.
 */
export interface Submission {
  readonly municipality: string;
  readonly month: Month;
  /** 1 for the first submission of the month, one more for each replacement. */
  readonly version: number;
  readonly figures: Readonly<Record<string, number>>;
  /** The case system or method the figures come from. */
  readonly source: string;
  readonly note?: string;
  /** The token's subject. */
  readonly submittedBy: string;
  readonly submittedAt: string;
}

/**
 * One figure as it arrived: an entry of a JSON body's `metrics`, or a CSV row (`row` counts the
 * header as row 1). The value is checked here, so it may be anything the body held.
 */
export interface SubmittedEntry {
  readonly metric: string;
  readonly value: unknown;
  readonly row?: number;
}

export const MAX_MONTHS_BACK = 36;

/** Where an error points: the CSV row, or the JSON key when it is a catalogue id (an unknown key is never echoed). */
const pathOf = (entry: SubmittedEntry): string => {
  if (entry.row !== undefined) return `row ${entry.row}`;
  return findMetric(entry.metric) ? `metrics.${entry.metric}` : "metrics";
};

const valueProblem = (metric: MetricDefinition, value: unknown): string | undefined => {
  if (typeof value === "string") {
    return value.trim() === "" ? "has no value" : "must be a number, with a decimal point if it has decimals";
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
  if (metric.kind === "count" && !(Number.isSafeInteger(value) && value >= 0)) {
    return "must be a whole number, 0 or more";
  }
  if (metric.kind === "median" && value < 0) return "must be a number, 0 or more";
  return undefined;
};

/**
 * The rules between figures of one submission: a breakdown's parts never exceed their total and,
 * when every part is given, add up to it; a share's numerator never exceeds its denominator; a
 * median comes with the count it is over, which disclosure control needs.
 */
const consistencyProblems = (
  figures: Readonly<Record<string, number>>,
  paths: ReadonlyMap<string, string>,
): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const at = (id: string, message: string) => issues.push({ path: paths.get(id) ?? "metrics", message });
  for (const relation of RELATIONS) {
    const total = figures[relation.total];
    if (total === undefined) continue;
    const given = relation.parts.filter((id) => figures[id] !== undefined);
    const sum = given.reduce((s, id) => s + (figures[id] ?? 0), 0);
    const larger = given.filter((id) => (figures[id] ?? 0) > total);
    for (const id of larger) at(id, `${id} must not be larger than its total ${relation.total}`);
    if (larger.length > 0) continue;
    if (given.length === relation.parts.length && sum !== total) {
      at(relation.total, `${relation.total} must equal the sum of its parts (${relation.id})`);
    } else if (sum > total) {
      at(relation.total, `${relation.total} must be at least the sum of its parts given (${relation.id})`);
    }
  }
  for (const rate of RATES) {
    const numerator = figures[rate.numerator];
    const denominator = figures[rate.denominator];
    if (numerator !== undefined && denominator !== undefined && numerator > denominator) {
      at(rate.numerator, `${rate.numerator} must not be larger than ${rate.denominator}`);
    }
  }
  for (const [id, value] of Object.entries(figures)) {
    const over = findMetric(id)?.over;
    if (over === undefined || value === undefined) continue;
    const count = figures[over];
    if (count === undefined) at(id, `${id} needs ${over}, the number of values it is over, beside it`);
    else if (count === 0) at(id, `${id} cannot be given over no values (${over} is 0)`);
  }
  return issues;
};

/** The figures of a submission, each checked against the catalogue and against the others. Pure. */
export const validateFigures = (entries: readonly SubmittedEntry[]): Decision<Record<string, number>> => {
  const issues: FieldIssue[] = [];
  const figures: Record<string, number> = {};
  const paths = new Map<string, string>();
  entries.forEach((entry, index) => {
    const path = pathOf(entry);
    const metric = findMetric(entry.metric);
    if (!metric) {
      const which = entry.row === undefined ? ` (entry ${index + 1})` : "";
      issues.push({ path, message: `names no metric in the catalogue${which}` });
      return;
    }
    const first = paths.get(metric.id);
    if (first !== undefined) {
      issues.push({ path, message: `${metric.id} is given twice (first in ${first})` });
      return;
    }
    paths.set(metric.id, path);
    const problem = valueProblem(metric, entry.value);
    if (problem !== undefined || typeof entry.value !== "number") {
      // A CSV row's path does not say which metric it holds; a JSON key's does.
      const message = problem ?? "must be a number";
      issues.push({ path, message: entry.row === undefined ? message : `${metric.id} ${message}` });
      return;
    }
    figures[metric.id] = entry.value;
  });
  if (entries.length === 0) issues.push({ path: "metrics", message: "must give at least one metric" });
  issues.push(...consistencyProblems(figures, paths));
  // In the order the figures were given, so that the answer reads like the body.
  const order = entries.map(pathOf);
  const position = (path: string) => {
    const at = order.indexOf(path);
    return at < 0 ? order.length : at;
  };
  issues.sort((a, b) => position(a.path) - position(b.path));
  return issues.length > 0 ? fail(invalid("Some figures are not valid", issues)) : ok(figures);
};

/** A month that has begun, at most 36 months back from the current (Stockholm) month. */
export const checkSubmissionMonth = (month: Month, now: Date): Decision<Month> => {
  const back = monthSpan(month, stockholmMonth(now)) - 1;
  const refuse = (message: string) =>
    fail<Month>(
      unprocessable("Figures cannot be submitted for this month", {
        fields: [{ path: "path.month", message }],
      }),
    );
  if (back < 0) return refuse("must not be in the future");
  if (back > MAX_MONTHS_BACK) return refuse(`must be at most ${MAX_MONTHS_BACK} months back`);
  return ok(month);
};

export interface SubmissionCommand {
  readonly municipality: string;
  readonly month: Month;
  readonly figures: Readonly<Record<string, number>>;
  readonly source: string;
  readonly note?: string;
  readonly submittedBy: string;
}

/** What the audit trail records of a submission: who, when, what; never the figures or the note. */
export interface SubmissionAuditFact {
  readonly action: "submission.created" | "submission.replaced";
  readonly municipality: string;
  readonly month: Month;
  readonly version: number;
  readonly actor: string;
  readonly at: string;
}

export type SubmissionOutcome =
  /** The same figures, source and note as the current submission: nothing changes. */
  | { readonly kind: "unchanged"; readonly submission: Submission }
  | {
      readonly kind: "created" | "replaced";
      readonly submission: Submission;
      /** The version it replaces, 0 for the month's first. */
      readonly replaces: number;
      readonly audit: SubmissionAuditFact;
    };

const sameFigures = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([id, v]) => b[id] === v);

/** A new submission against the month's current one (if any). Pure. */
export const decideSubmission = (
  current: Submission | undefined,
  command: SubmissionCommand,
  now: Date,
): Decision<SubmissionOutcome> => {
  const month = checkSubmissionMonth(command.month, now);
  if (!month.ok) return month;
  if (
    current &&
    sameFigures(current.figures, command.figures) &&
    current.source === command.source &&
    current.note === command.note
  ) {
    return ok({ kind: "unchanged", submission: current });
  }
  const version = (current?.version ?? 0) + 1;
  const at = now.toISOString();
  const submission: Submission = { ...command, version, submittedAt: at };
  return ok({
    kind: current ? "replaced" : "created",
    submission,
    replaces: current?.version ?? 0,
    audit: {
      action: current ? "submission.replaced" : "submission.created",
      municipality: command.municipality,
      month: command.month,
      version,
      actor: command.submittedBy,
      at,
    },
  });
};
