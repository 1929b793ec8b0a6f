import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Caller } from "../../shared/domain/caller";
import { HttpProblem } from "../../shared/http/problem";
import { findMunicipality } from "../../shared/municipalities";
import { readAggregates } from "./aggregates";
import { emptyAggregate, type MonthAggregate, rawCells } from "./aggregation";
import type { Report, ReportQuery } from "./contract";
import { suppress } from "./disclosure";
import { METRIC_IDS } from "./metrics";
import { RELATIONS } from "./relations";

/** Every month from `from` to `to`, inclusive, as `YYYY-MM`. */
export const monthsBetween = (from: string, to: string): string[] => {
  const [fy = 0, fm = 1] = from.split("-").map(Number);
  const [ty = 0, tm = 1] = to.split("-").map(Number);
  const months: string[] = [];
  for (let index = fy * 12 + fm - 1; index <= ty * 12 + tm - 1; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
};

/** Municipal staff read their own municipality only; a token without the claim (Socialstyrelsen) reads any. */
export const requireReportAccess = (caller: Caller, municipalities: readonly string[]): void => {
  if (caller.municipality === undefined) return;
  if (municipalities.some((code) => code !== caller.municipality)) {
    throw new HttpProblem(403, "The token allows reading its own municipality only");
  }
};

const READ_CONCURRENCY = 8;

export interface ReportDeps {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
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
