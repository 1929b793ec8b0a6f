import type { Report } from "./contract-report";

export const CSV_HEADER = [
  "municipality",
  "month",
  "metric",
  "value",
  "suppressed",
  "source",
  "source_name",
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * One row per municipality, month and metric, then the month's rates, in the report's order; CRLF
 * after every row. A suppressed figure has an empty value and `true`; an unknown one (source
 * `none`), a median over no values and a rate that cannot be computed have an empty value and
 * `false`. `source` is system, submitted, none (or mixed for a rate); `source_name` names the
 * case system of a submitted figure.
 */
export const reportToCsv = (report: Report): string => {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const municipality of report.municipalities) {
    for (const { month, metrics, rates } of municipality.months) {
      for (const [metric, cell] of [...Object.entries(metrics), ...Object.entries(rates)]) {
        rows.push([
          municipality.code,
          month,
          metric,
          cell.value === null ? "" : String(cell.value),
          String(cell.suppressed),
          cell.source,
          cell.sourceName ?? "",
        ]);
      }
    }
  }
  return rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
};

/** CSV when asked by `format=csv`, or by `Accept: text/csv` without an explicit `format`. */
export const wantsCsv = (format: "json" | "csv" | undefined, accept: string | undefined): boolean => {
  if (format !== undefined) return format === "csv";
  return (accept ?? "")
    .split(",")
    .map((part) => part.split(";").map((p) => p.trim().toLowerCase()))
    .some(([type, ...params]) => type === "text/csv" && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
};

export type CsvParse =
  | { readonly ok: true; readonly rows: string[][] }
  /** `row` counts records from 1, the header included. */
  | { readonly ok: false; readonly row: number; readonly message: string };

/**
 * RFC 4180 records: fields separated by commas, records by CRLF (a bare LF is taken too), a field
 * in double quotes may hold commas, line breaks and doubled quotes. A leading byte-order mark (as
 * spreadsheets write) is dropped, and so is a last empty line.
 */
export const parseCsv = (text: string): CsvParse => {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(value);
    rows.push(row);
    row = [];
    value = "";
  };
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        const next = input[i + 1];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          return { ok: false, row: rows.length + 1, message: "has a quoted field followed by more text" };
        }
      } else value += c;
      i += 1;
      continue;
    }
    if (c === '"' && value === "") quoted = true;
    else if (c === ",") {
      row.push(value);
      value = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      endRow();
      i += 1;
    } else if (c === "\n") endRow();
    else value += c;
    i += 1;
  }
  if (quoted) return { ok: false, row: rows.length + 1, message: "has a quoted field that is never closed" };
  if (value !== "" || row.length > 0) endRow();
  return { ok: true, rows };
};
