/**
 * The audit trail, as the console reads it from each service's audit route (./sources.ts): the
 * record's whole trail, filtered by person and period, and as CSV.
 */
import { t } from "../i18n";

export interface AuditRow {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly correlationId: string;
}

export interface AuditPage {
  readonly items: readonly AuditRow[];
  readonly cursor?: string | undefined;
}

export interface AuditFilter {
  /** The record whose trail is read: a referral's id, a notice's id … */
  readonly record: string;
  /** The person acting, as the token named them (`sub`). */
  readonly actor?: string | undefined;
  /** `YYYY-MM-DD`, inclusive, in Swedish time. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface AuditSource {
  /** In the address (`?kalla=`). */
  readonly id: string;
  readonly label: string;
  readonly recordLabel: string;
  /** The API's name of the record's field, so that its errors are shown next to the record field. */
  readonly recordField: string;
  /**
   * Whether the route filters by person and period itself. If not, the console reads the record's
   * whole trail and filters it here.
   */
  readonly filtersOnServer: boolean;
  readonly page: (
    filter: AuditFilter,
    cursor: string | undefined,
    signal?: AbortSignal,
  ) => Promise<AuditPage>;
  readonly actionWords: (action: string) => string;
}

const DAY_MS = 86_400_000;

/** Midnight starting a Swedish date, as an instant (the offset read off Intl, so DST holds). */
const swedishMidnight = (date: string): number => {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Stockholm",
    hourCycle: "h23",
    hour: "2-digit",
  }).formatToParts(new Date(utcMidnight));
  // Sweden is one or two hours ahead: at 00:00 UTC it is 01:00 or 02:00 there.
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? "1");
  return utcMidnight - hour * 3_600_000;
};

/** Whether a row is within the person and period asked for (both optional). */
export const matchesFilter = (row: AuditRow, filter: AuditFilter): boolean => {
  if (filter.actor?.trim() && row.actor !== filter.actor.trim()) return false;
  const at = Date.parse(row.at);
  if (filter.from && at < swedishMidnight(filter.from)) return false;
  if (filter.to && at >= swedishMidnight(new Date(Date.parse(filter.to) + DAY_MS).toISOString().slice(0, 10)))
    return false;
  return true;
};

/** Enough pages for any one record's trail; a guard against a cursor that never ends. */
const MAX_PAGES = 100;

/** The whole trail asked for, every page, filtered here where the route does not filter itself. */
export const readTrail = async (source: AuditSource, filter: AuditFilter, signal?: AbortSignal) => {
  const rows: AuditRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await source.page(filter, cursor, signal);
    rows.push(...answer.items);
    cursor = answer.cursor;
    if (!cursor) break;
  }
  return source.filtersOnServer ? rows : rows.filter((row) => matchesFilter(row, filter));
};

/** A cell as a spreadsheet reads it: quoted, and never taken for a formula. */
const csvCell = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** RFC 4180 with a byte-order mark, so that a spreadsheet reads å, ä and ö. */
export const trailCsv = (source: AuditSource, record: string, rows: readonly AuditRow[]): string => {
  const c = t.auditTrail.columns;
  const lines = [
    [c.at, c.actor, c.what, c.action, c.record, c.correlationId],
    ...rows.map((r) => [r.at, r.actor, source.actionWords(r.action), r.action, record, r.correlationId]),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
};
