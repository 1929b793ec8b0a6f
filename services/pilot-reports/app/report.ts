import { type Caller, requireMunicipalityAccess } from "../../../shared/domain/caller";
import { findMunicipality } from "../../../shared/municipalities";
import type { Report, ReportQuery } from "../contract";
import { emptyAggregate, type MonthAggregate, rawCells } from "../domain/aggregation";
import { METRIC_IDS } from "../domain/catalogue";
import { suppress } from "../domain/disclosure";
import { monthsBetween } from "../domain/months";
import { RELATIONS } from "../domain/relations";
import { readAggregates } from "../store/aggregates";
import type { TableDeps } from "../store/table";

const READ_CONCURRENCY = 8;

export interface ReportDeps extends TableDeps {
  readonly suppressionThreshold: number;
}

/**
 * The report: one Query per municipality over the period, then per month the catalogue's figures
 * and disclosure control. Every month appears; a month nothing happened in is all zeros.
 */
export const buildReport = async (deps: ReportDeps, query: ReportQuery, now: Date): Promise<Report> => {
  const months = monthsBetween(query.from, query.to);
  const stored = new Map<string, Map<string, MonthAggregate>>();
  const queue = [...query.municipality];
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      stored.set(code, await readAggregates(deps.doc, deps.tableName, code, query.from, query.to));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));

  return {
    generatedAt: now.toISOString(),
    suppressionThreshold: deps.suppressionThreshold,
    period: { from: query.from, to: query.to },
    municipalities: query.municipality.map((code) => ({
      code,
      name: findMunicipality(code)?.name ?? code,
      months: months.map((month) => {
        const cells = suppress(
          rawCells(stored.get(code)?.get(month) ?? emptyAggregate()),
          RELATIONS,
          deps.suppressionThreshold,
        );
        // The catalogue's order, so JSON and CSV list the figures the same way every time.
        const metrics = Object.fromEntries(
          METRIC_IDS.flatMap((id) => {
            const cell = cells[id];
            return cell ? [[id, cell]] : [];
          }),
        );
        return { month, metrics };
      }),
    })),
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
