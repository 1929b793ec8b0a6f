/**
 * The checks a report passes before anything is written: the date received (now, or dated back
 * with a reason for a report that came on paper or by phone), each person named, the
 * municipality, and the caller's right to post for it. Bad fields are all named at once, before
 * access is looked at; what is wrong only with time (too far back, before the law) is a 422.
 */
import type { Caller } from "../../../shared/domain/caller";
import {
  type Decision,
  DomainError,
  type FieldIssue,
  fail,
  invalid,
  ok,
  unprocessable,
} from "../../../shared/domain/errors";
import { parseIdentityNumber } from "../../../shared/identity";
import { isKommunkod } from "../../../shared/municipalities";
import { stockholmDate } from "../../../shared/time";
import { type DeadlineFacts, rulesNotYetInForce } from "./deadlines/schedule";
import type { ReportedSubject } from "./subject";

/** A report may be dated back this far, with a reason. */
export const MAX_BACKDATE_DAYS = 30;
/** A receivedAt this close to now is the same moment (clocks differ): no reason needed. */
export const BACKDATE_TOLERANCE_MINUTES = 15;

export interface SubjectInput {
  readonly personalIdentityNumber?: string;
  readonly name?: string;
  readonly birthDate?: string;
  readonly approximateAge?: number;
}

export interface ReportInput {
  readonly municipality: string;
  /** Each person with the path that names them in the body (`subject` or `subjects.2`). */
  readonly subjects: readonly { readonly path: string; readonly subject: SubjectInput }[];
  readonly receivedAt?: string;
  readonly backdatedReason?: string;
}

export interface CheckedReport {
  readonly subjects: readonly ReportedSubject[];
  readonly receivedAt: Date;
  /** Dated back beyond the tolerance: the reason is kept with the referral. */
  readonly backdated: boolean;
}

const DAY_MS = 86_400_000;

const subjectOf = (
  { path, subject }: ReportInput["subjects"][number],
  receivedAt: Date,
  fields: FieldIssue[],
): ReportedSubject | undefined => {
  if (subject.personalIdentityNumber !== undefined) {
    const identity = parseIdentityNumber(subject.personalIdentityNumber, receivedAt);
    if (identity) return { kind: "identified", identity };
    fields.push({
      path: `${path}.personalIdentityNumber`,
      message: "is not a valid personnummer or samordningsnummer",
    });
    return undefined;
  }
  const name = subject.name ?? "";
  if (subject.birthDate !== undefined) {
    if (subject.birthDate <= stockholmDate(receivedAt))
      return { kind: "born", name, birthDate: subject.birthDate };
    fields.push({ path: `${path}.birthDate`, message: "must not be after the day received" });
    return undefined;
  }
  return { kind: "approximate", name, approximateAge: subject.approximateAge ?? 0 };
};

/** The same identity number twice in one report would be one person twice. */
const duplicates = (checked: readonly (ReportedSubject | undefined)[], input: ReportInput): FieldIssue[] => {
  const seen = new Map<string, string>();
  const issues: FieldIssue[] = [];
  checked.forEach((subject, i) => {
    if (subject?.kind !== "identified") return;
    const path = input.subjects[i]?.path ?? "subjects";
    const first = seen.get(subject.identity.canonical);
    if (first) issues.push({ path, message: `is the same person as ${first}` });
    else seen.set(subject.identity.canonical, path);
  });
  return issues;
};

export const checkReport = (
  report: ReportInput,
  caller: Pick<Caller, "municipality">,
  now: Date,
): Decision<CheckedReport> => {
  const fields: FieldIssue[] = [];
  const receivedAt = report.receivedAt ? new Date(report.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime())
    fields.push({ path: "receivedAt", message: "must not be in the future" });
  const backdated = now.getTime() - receivedAt.getTime() > BACKDATE_TOLERANCE_MINUTES * 60_000;
  if (backdated && report.backdatedReason === undefined) {
    fields.push({
      path: "backdatedReason",
      message: `is required when receivedAt is more than ${BACKDATE_TOLERANCE_MINUTES} minutes before now`,
    });
  }
  if (!backdated && report.backdatedReason !== undefined) {
    fields.push({ path: "backdatedReason", message: "applies only to a receivedAt dated back" });
  }
  const checked = report.subjects.map((s) => subjectOf(s, receivedAt, fields));
  fields.push(...duplicates(checked, report));
  if (!isKommunkod(report.municipality)) {
    fields.push({ path: "municipality", message: "is not a Swedish municipality code" });
  }
  const subjects = checked.flatMap((s) => (s ? [s] : []));
  if (fields.length > 0 || subjects.length !== checked.length) {
    return fail(invalid("Some fields are not valid", fields));
  }
  if (caller.municipality !== undefined && caller.municipality !== report.municipality) {
    return fail(
      new DomainError("forbidden", "The token is not for this municipality", {
        fields: [{ path: "municipality", message: "must be the token's municipality" }],
      }),
    );
  }
  if (now.getTime() - receivedAt.getTime() > MAX_BACKDATE_DAYS * DAY_MS) {
    return fail(
      unprocessable(`A report may be dated back at most ${MAX_BACKDATE_DAYS} days`, {
        fields: [{ path: "receivedAt", message: `must be at most ${MAX_BACKDATE_DAYS} days before now` }],
        code: "dated-too-far-back",
      }),
    );
  }
  return ok({ subjects, receivedAt, backdated });
};

/**
 * A report dated back before the rules it falls under took effect cannot be given the deadlines
 * the law sets for it: 422, naming the date from which it could be.
 */
export const checkRulesInForce = (facts: readonly DeadlineFacts[], receivedAt: Date): Decision<void> => {
  const date = stockholmDate(receivedAt);
  const from = facts
    .map((f) => rulesNotYetInForce(f, date))
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  return from === undefined
    ? ok(undefined)
    : fail(
        unprocessable("The report is dated before the rules it falls under took effect", {
          fields: [
            { path: "receivedAt", message: `must be on or after ${from}, when its rules took effect` },
          ],
          code: "before-the-rules",
        }),
      );
};
