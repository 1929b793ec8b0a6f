import { type FieldIssue, invalid } from "../../shared/domain/errors";
import { DEFAULT_MAX_BODY_BYTES, fieldErrors, type HttpEvent } from "../../shared/http/edge";
import { parseClientInput } from "../../shared/http/messages";
import { HttpProblem } from "../../shared/http/problem";
import type { SubmissionInput } from "./app/submissions";
import { submissionBodyInputSchema, submissionMetaSchema } from "./contract-submission-body";
import { CSV_BODY_CONTENT_TYPE } from "./contract-terms";
import { parseCsv } from "./csv";
import type { SubmittedEntry } from "./domain/submission";

/**
 * A submission's body, JSON or CSV. The shared edge parses one body content type per route, so
 * this route declares none to the edge and reads the raw body here, with the edge's size limit and
 * the same problems (413, 415, 400 naming each field). It belongs in the edge once a route can
 * take a text body beside JSON.
 */

/** Rows of the CSV that say something about the submission rather than give a figure. */
const META_ROWS = new Set(["source", "note"]);
/** A plain decimal number: digits, with a decimal point if any (never a comma, never an exponent). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const metaOf = (raw: { source?: unknown; note?: unknown }, issues: FieldIssue[]): SubmissionInput["meta"] => {
  const parsed = parseClientInput(submissionMetaSchema, raw);
  if (parsed.success) return parsed.data;
  issues.push(...fieldErrors(parsed.error));
  return undefined;
};

const fromJson = (text: string): SubmissionInput => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid("The body is not valid JSON", [{ path: "(body)", message: "must be valid JSON" }]);
  }
  const parsed = parseClientInput(submissionBodyInputSchema, raw);
  if (!parsed.success) throw invalid("Some fields are not valid", fieldErrors(parsed.error));
  const { metrics, source, note } = parsed.data;
  return {
    entries: Object.entries(metrics).map(([metric, value]) => ({ metric, value })),
    meta: { source, ...(note === undefined ? {} : { note }) },
    issues: [],
  };
};

/** `metric,value` rows after a `metric,value` header; the rows `source` and `note` describe the submission. */
const fromCsv = (text: string): SubmissionInput => {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    throw invalid("The body is not valid CSV", [{ path: `row ${parsed.row}`, message: parsed.message }]);
  }
  const [header, ...records] = parsed.rows;
  if (header?.map((f) => f.trim().toLowerCase()).join(",") !== "metric,value") {
    throw invalid("The CSV must start with its header", [
      { path: "row 1", message: "must be the header metric,value (comma-separated, RFC 4180)" },
    ]);
  }
  const issues: FieldIssue[] = [];
  const entries: SubmittedEntry[] = [];
  const meta: Record<string, string> = {};
  records.forEach((record, index) => {
    const row = index + 2;
    if (record.length === 1 && record[0]?.trim() === "") return;
    const [metric = "", value = ""] = record.map((f) => f.trim());
    if (record.length !== 2)
      issues.push({ path: `row ${row}`, message: "must have two fields, metric and value" });
    else if (META_ROWS.has(metric)) {
      if (meta[metric] === undefined) meta[metric] = value;
      else issues.push({ path: `row ${row}`, message: `gives ${metric} a second time` });
    } else entries.push({ metric, value: NUMBER.test(value) ? Number(value) : value, row });
  });
  if (meta.source === undefined) {
    issues.push({ path: "source", message: "is required: a row source,<the case system or method>" });
    return { entries, meta: undefined, issues };
  }
  return { entries, meta: metaOf(meta, issues), issues };
};

export const readSubmissionBody = (
  event: Pick<HttpEvent, "body" | "isBase64Encoded" | "headers">,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): SubmissionInput => {
  const raw = event.body ?? "";
  const text = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new HttpProblem(413, `The body must be at most ${maxBytes} bytes`);
  }
  if (text.trim() === "") throw invalid("The body is required", [{ path: "(body)", message: "is required" }]);
  const contentType = (event.headers?.["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType === CSV_BODY_CONTENT_TYPE) return fromCsv(text);
  if (contentType === "application/json" || contentType === "") return fromJson(text);
  throw new HttpProblem(415, `The body must be application/json or ${CSV_BODY_CONTENT_TYPE}`);
};
