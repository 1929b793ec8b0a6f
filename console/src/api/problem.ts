/**
 * What went wrong, in words: the API answers errors as problem+json (RFC 9457) with a type and the
 * fields at fault; the console says each in Swedish next to what caused it.
 */
import * as z from "zod/mini";
import { t } from "../i18n";

const problemSchema = z.object({
  type: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  correlationId: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

export interface FieldProblem {
  /** The API's path of the field, e.g. "reason" or "steps.decision". */
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly status: number;
  /** The last part of the problem type, e.g. "already-recorded". */
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly correlationId: string | undefined;
  readonly fields: readonly FieldProblem[];
}

/** Any error body: problem+json, API Gateway's `{"message": …}`, or none. */
export const toProblem = (status: number, body: unknown): Problem => {
  const parsed = problemSchema.safeParse(body);
  const problem = parsed.success ? parsed.data : {};
  return {
    status,
    code: problem.type?.split("/").pop() || undefined,
    detail: problem.detail,
    correlationId: problem.correlationId,
    fields: problem.errors ?? [],
  };
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`The API answered ${problem.status}`);
    this.name = "ApiError";
  }
}

/** A write whose answer never came: it may or may not have been saved. */
export class ConnectionLost extends Error {
  constructor() {
    super("The server could not be reached");
    this.name = "ConnectionLost";
  }
}

export const problemMessage = (problem: Problem): string =>
  (problem.code ? t.problem.byType[problem.code] : undefined) ??
  t.problem.byStatus[problem.status] ??
  t.problem.unknown(problem.status);

/**
 * The rule a field broke, in words. The API's own words are English (shared/http/messages.ts names
 * the rule and never the value); the common ones are said in Swedish here, any other as "has an
 * invalid value".
 */
const FIELD_RULES: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^is required$/, () => t.problem.field.required],
  [/^is pending$/, () => t.problem.field.pending],
  [/^must be at least 1 character long$/, () => t.problem.field.required],
  [/^must be at most (\d+) characters? long$/, (m) => t.problem.field.maxLength(Number(m[1]))],
  [/^must be at most (\d+)$/, (m) => t.problem.field.max(Number(m[1]))],
  [/^must be at least (\d+)$/, (m) => t.problem.field.min(Number(m[1]))],
  [/^must be (an integer|a number)$/, () => t.problem.field.wholeNumber],
  [/personnummer/, () => t.problem.field.identity],
  [/E\.164/, () => t.problem.field.phone],
  [/IANA time zone/, () => t.problem.field.timeZone],
  [/^must be HH:MM$/, () => t.problem.field.clock],
  [/^must be a date \(/, () => t.problem.field.date],
  [/^must be a date and time/, () => t.problem.field.dateTime],
  [/^must be 1-64 letters/, () => t.problem.field.id],
  [/^must not repeat a member id$/, () => t.problem.field.repeatedId],
  [/^must be a member of the rotation or the manager$/, () => t.problem.field.notMember],
  [/^must be after start$/, () => t.problem.field.afterStart],
  [/^must have at least 1 item$/, () => t.problem.field.atLeastOne],
  [/URL/, () => t.problem.field.https],
  [/^must be whsec_/, () => t.problem.field.webhookSecret],
  [/^must not be before from$/, () => t.problem.field.beforeFrom],
  [/^must be today \((\d{4}-\d{2}-\d{2})\) or later$/, (m) => t.settings.problem.notBeforeToday(m[1] ?? "")],
  [
    /^must be at least (\d+): never below the national/,
    (m) => t.settings.problem.atLeastNational(Number(m[1])),
  ],
  [/^must be at least (\d+) for a unit other than/, (m) => t.settings.problem.adultOnly(Number(m[1]))],
  [/^must be at least minAge$/, () => t.settings.problem.atLeastMinAge],
  [/^must have at most (\d+) items?$/, (m) => t.settings.problem.atMostItems(Number(m[1]))],
];

export const fieldMessage = (field: FieldProblem): string => {
  for (const [rule, words] of FIELD_RULES) {
    const match = rule.exec(field.message);
    if (match) return words(match);
  }
  return t.problem.field.invalid;
};

/** The problem's errors for one field of a form: a body field by its path, a path or query parameter by name. */
export const problemsFor = (problem: Problem | undefined, field: string): readonly FieldProblem[] =>
  problem?.fields.filter((f) => [field, `path.${field}`, `query.${field}`].includes(f.path)) ?? [];
