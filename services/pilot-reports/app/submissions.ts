import { retryOnLostRace } from "../../../shared/app/lost-race";
import {
  type Caller,
  requireMunicipalityAccess,
  requireScope,
  requireStaffMunicipality,
} from "../../../shared/domain/caller";
import { type FieldIssue, invalid, notFound, orThrow } from "../../../shared/domain/errors";
import type { SubmissionView } from "../contract-submission";
import type { SubmissionListQuery } from "../contract-submissions";
import { SCOPES } from "../contract-terms";
import {
  decideSubmission,
  type Submission,
  type SubmittedEntry,
  validateFigures,
} from "../domain/submission";
import {
  commitSubmission,
  readSubmission,
  readSubmissionHistory,
  readSubmissions,
} from "../store/submissions";
import type { TableDeps } from "../store/table";

/** A submission's body as read from JSON or CSV: its figures, what it says about itself, and what was wrong with its form. */
export interface SubmissionInput {
  readonly entries: readonly SubmittedEntry[];
  /** Undefined when `source` or `note` broke a rule (`issues` says which). */
  readonly meta: { readonly source: string; readonly note?: string } | undefined;
  readonly issues: readonly FieldIssue[];
}

export interface SubmitRequest {
  readonly municipality: string;
  readonly month: string;
  readonly input: SubmissionInput;
  readonly correlationId: string;
}

const view = (s: Submission): SubmissionView => ({
  municipality: s.municipality,
  month: s.month,
  version: s.version,
  metrics: { ...s.figures },
  source: s.source,
  ...(s.note === undefined ? {} : { note: s.note }),
  submittedBy: s.submittedBy,
  submittedAt: s.submittedAt,
});

/**
 * A municipality submits its own figures for a month: only its own staff (a `municipality` claim
 * for that municipality); every bad row named at once (400); a month not begun or too far back
 * refused (422); a replacement is a new version, and a lost race with another replacement reads
 * again and decides again.
 */
export const submit = async (
  deps: TableDeps,
  caller: Caller,
  request: SubmitRequest,
  now: () => Date,
): Promise<{ readonly created: boolean; readonly submission: SubmissionView }> => {
  requireStaffMunicipality(caller);
  requireMunicipalityAccess(caller, request.municipality);
  const figures = validateFigures(request.input.entries);
  const issues = [...request.input.issues, ...(figures.ok ? [] : (figures.error.fields ?? []))];
  const meta = request.input.meta;
  if (!figures.ok || !meta || issues.length > 0) throw invalid("Some fields are not valid", issues);

  return retryOnLostRace("submission", async () => {
    const current = await readSubmission(deps, request.municipality, request.month);
    const outcome = orThrow(
      decideSubmission(
        current,
        {
          municipality: request.municipality,
          month: request.month,
          figures: figures.value,
          source: meta.source,
          ...(meta.note === undefined ? {} : { note: meta.note }),
          submittedBy: caller.subject,
        },
        now(),
      ),
    );
    if (outcome.kind !== "unchanged") {
      await commitSubmission(
        deps,
        outcome.submission,
        outcome.replaces,
        outcome.audit,
        request.correlationId,
      );
    }
    return { created: outcome.kind === "created", submission: view(outcome.submission) };
  });
};

/** Submissions are read by the municipality itself, and by `reports:read` without a municipality claim (Socialstyrelsen). */
const requireSubmissionReader = (caller: Caller, municipalities: readonly string[]): void => {
  if (caller.municipality === undefined) requireScope(caller, SCOPES.read);
  for (const code of municipalities) requireMunicipalityAccess(caller, code);
};

/** The current submission of each month of the period that has one, by municipality (in the order asked) and month. */
export const listSubmissions = async (
  deps: TableDeps,
  caller: Caller,
  query: SubmissionListQuery,
): Promise<{ readonly items: SubmissionView[] }> => {
  requireSubmissionReader(caller, query.municipality);
  const lists = await Promise.all(
    query.municipality.map((code) => readSubmissions(deps, code, query.from, query.to)),
  );
  return { items: lists.flat().map(view) };
};

/** Every version of one month's submission, oldest first; 404 when none was submitted. */
export const submissionHistory = async (
  deps: TableDeps,
  caller: Caller,
  municipality: string,
  month: string,
): Promise<{ readonly municipality: string; readonly month: string; readonly items: SubmissionView[] }> => {
  requireSubmissionReader(caller, [municipality]);
  const versions = await readSubmissionHistory(deps, municipality, month);
  if (versions.length === 0) throw notFound("No figures were submitted for this municipality and month");
  return { municipality, month, items: versions.map(view) };
};
