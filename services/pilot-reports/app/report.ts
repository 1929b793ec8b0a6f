import { type Caller, requireMunicipalityAccess } from "../../../shared/domain/caller";
import { findMunicipality } from "../../../shared/municipalities";
import type { SettingsReader } from "../../../shared/settings";
import { stockholmDate } from "../../../shared/time";
import type { Report, ReportQuery } from "../contract-report";
import { municipalThreshold } from "../domain/disclosure";
import type { MonthAggregate } from "../domain/month-aggregate";
import { monthFigures } from "../domain/month-figures";
import { monthsBetween, stockholmMonth } from "../domain/months";
import { RELATIONS } from "../domain/relations";
import { type SystemCoverage, systemCovers } from "../domain/sources";
import type { Submission } from "../domain/submission";
import { readAggregates, readFirstMonth } from "../store/aggregates";
import { readSubmissions } from "../store/submissions";
import type { TableDeps } from "../store/table";

const READ_CONCURRENCY = 8;

export interface ReportDeps extends TableDeps {
  /** The national threshold. */
  readonly suppressionThreshold: number;
  readonly settings: SettingsReader;
}

interface MunicipalityRead {
  readonly aggregates: ReadonlyMap<string, MonthAggregate>;
  readonly submissions: ReadonlyMap<string, Submission>;
  readonly coverage: SystemCoverage;
  /** The municipality's own threshold, in force on the day the report is made. */
  readonly threshold: number;
}

/**
 * What the report needs of one municipality: its month items and its current submissions over the
 * period (one Query each), and where the system's coverage starts. A month item for the period's
 * first month settles that; only otherwise is the earliest month item looked up (one item).
 */
const readMunicipality = async (
  deps: ReportDeps,
  code: string,
  query: ReportQuery,
  now: Date,
): Promise<MunicipalityRead> => {
  const [aggregates, submissions, settings] = await Promise.all([
    readAggregates(deps.doc, deps.tableName, code, query.from, query.to),
    readSubmissions(deps, code, query.from, query.to),
    deps.settings.settingsOn(code, stockholmDate(now)),
  ]);
  const from = aggregates.has(query.from) ? query.from : await readFirstMonth(deps.doc, deps.tableName, code);
  return {
    aggregates,
    submissions: new Map(submissions.map((s) => [s.month, s])),
    coverage: { from, through: stockholmMonth(now) },
    threshold: municipalThreshold(deps.suppressionThreshold, settings.suppressionThreshold),
  };
};

/**
 * The report: per municipality and month, each figure from the system's events or from the
 * municipality's submission, with its source; disclosure control over all of them; the rates.
 * Every month appears; what neither source covers is null, never 0.
 */
export const buildReport = async (deps: ReportDeps, query: ReportQuery, now: Date): Promise<Report> => {
  const months = monthsBetween(query.from, query.to);
  const read = new Map<string, MunicipalityRead>();
  const queue = [...query.municipality];
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      read.set(code, await readMunicipality(deps, code, query, now));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));

  return {
    generatedAt: now.toISOString(),
    suppressionThreshold: deps.suppressionThreshold,
    period: { from: query.from, to: query.to },
    municipalities: query.municipality.map((code) => {
      const stored = read.get(code);
      const threshold = stored?.threshold ?? deps.suppressionThreshold;
      return {
        code,
        name: findMunicipality(code)?.name ?? code,
        suppressionThreshold: threshold,
        months: months.map((month) => {
          const submission = stored?.submissions.get(month);
          const figures = monthFigures(
            {
              covered: stored ? systemCovers(stored.coverage, month) : false,
              aggregate: stored?.aggregates.get(month),
              submission: submission && { figures: submission.figures, source: submission.source },
            },
            RELATIONS,
            threshold,
          );
          return { month, ...figures };
        }),
      };
    }),
  };
};

/**
 * The report as a caller may read it: municipal staff their own municipality only (a selection
 * naming any other, `pilot` included, is refused whole); a token without the claim
 * (Socialstyrelsen) any.
 */
export const readReport = async (
  deps: ReportDeps,
  caller: Caller,
  query: ReportQuery,
  now: Date,
): Promise<Report> => {
  for (const code of query.municipality) requireMunicipalityAccess(caller, code);
  return buildReport(deps, query, now);
};
