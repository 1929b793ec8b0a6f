/**
 * Gallring, the parts every service shares: how a retention period turns into the instant a
 * record may be deleted (its DynamoDB TTL), the research exception that keeps some records, and
 * how long an audit row outlives the record it is about. Pure: no clock, no storage. Each
 * service's `domain/retention.ts` holds its own RETENTION table of rules; docs/retention.md lists
 * them all with their sources.
 */
import { addCalendarDays, addCalendarMonths, type IsoDate, startOfStockholmDay, stockholmDate } from "./time";

/** DynamoDB's TTL attribute: epoch seconds. */
export const epochSecondsOf = (instant: Date): number => Math.floor(instant.getTime() / 1000);

/** Where a period comes from: the law, a local decision (a setting with a default), or our own need. */
export type RetentionSource =
  | {
      readonly kind: "statute";
      readonly citation: string;
      readonly inForce: IsoDate;
      readonly verified: boolean;
    }
  | { readonly kind: "local"; readonly decidedBy: string; readonly note: string }
  | { readonly kind: "technical"; readonly note: string };

export interface RetentionPeriod {
  readonly years?: number;
  readonly days?: number;
}

/** One kind of record: how long it is kept, counted from which event, and why. */
export interface RetentionRule {
  readonly period: RetentionPeriod;
  /** The event the period counts from, in words (docs/retention.md shows it). */
  readonly countsFrom: string;
  readonly source: RetentionSource;
}

/**
 * The first instant a record whose period counts from `from` may be deleted: the start (Swedish
 * time) of the day after the period has run, so that "five years after the last entry" is never
 * cut short by the hours of the day the entry was made on.
 */
export const expiryAfter = (from: Date | IsoDate, period: RetentionPeriod): Date => {
  const start = typeof from === "string" ? from : stockholmDate(from);
  const afterYears = addCalendarMonths(start, 12 * (period.years ?? 0));
  return startOfStockholmDay(addCalendarDays(afterYears, (period.days ?? 0) + 1));
};

// ---------------------------------------------------------------------------------------------
// Research exception

/**
 * Socialtjänstlagen (2001:453) 12 kap. 2 § tredje stycket lets the government keep documents from
 * gallring for research; socialtjänstförordningen (2001:937) 7 kap. 2 § (as worded by SFS 2003:583,
 * in force 1 November 2003) keeps them in every municipality of Östergötlands, Gotlands and
 * Västernorrlands län and in Göteborg, and elsewhere for people born on the 5th, 15th or 25th of
 * any month. Verified with the `search` tool (lagar.nj.se, SFS 2003:583). Whether socialtjänstlag
 * (2025:400), in force 1 July 2025, moved the authorising paragraph is unverified; the
 * förordning's rule is applied as it stands.
 */
export const RESEARCH_BIRTH_DAYS: readonly number[] = [5, 15, 25];
/** Länskoder: Östergötland 05, Gotland 09, Västernorrland 22. */
export const RESEARCH_COUNTIES: readonly string[] = ["05", "09", "22"];
export const RESEARCH_MUNICIPALITIES: readonly string[] = ["1480"]; // Göteborg

/**
 * Whether a record about a person is kept from gallring for research. `birthDate` is the real
 * birth date (`YYYY-MM-DD`; for a samordningsnummer the day less 60), undefined when the person is
 * not identified: then only the municipality can keep it.
 */
export const keptForResearch = (municipality: string, birthDate: IsoDate | undefined): boolean => {
  if (RESEARCH_MUNICIPALITIES.includes(municipality)) return true;
  if (RESEARCH_COUNTIES.includes(municipality.slice(0, 2))) return true;
  if (birthDate === undefined) return false;
  return RESEARCH_BIRTH_DAYS.includes(Number(birthDate.slice(8, 10)));
};

// ---------------------------------------------------------------------------------------------
// Audit rows

/**
 * An audit row is kept this much longer than the record it is about, as that record's expiry
 * stood when the row was written (a row cannot follow a later move: nobody may update it). Local
 * decision, a setting with this default: no statute we could verify fixes how long the
 * socialtjänst must keep access logs; two years leaves an auditor (IVO, JO, the data protection
 * officer) time to ask who read a record after the record itself is gone.
 */
export const AUDIT_YEARS_BEYOND_RECORD = 2;

/**
 * When an audit row about a record expiring at `recordExpiresAt` may go; a record that is never
 * deleted (kept for research) keeps its audit rows too.
 */
export const auditExpiry = (
  recordExpiresAt: Date | undefined,
  yearsBeyond: number = AUDIT_YEARS_BEYOND_RECORD,
): Date | undefined =>
  recordExpiresAt === undefined ? undefined : expiryAfter(recordExpiresAt, { years: yearsBeyond });
