import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../services/pilot-reports/csv";
import { readSubmissionBody } from "../../../services/pilot-reports/submission-body";
import { DomainError } from "../../../shared/domain/errors";
import { HttpProblem } from "../../../shared/http/problem";

const body = (text: string, contentType?: string, base64 = false) => ({
  body: base64 ? Buffer.from(text).toString("base64") : text,
  isBase64Encoded: base64,
  headers: contentType === undefined ? {} : { "content-type": contentType },
});
const csv = (...rows: string[]) => body(rows.join("\r\n"), "text/csv; charset=utf-8");

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, fields: error.fields };
    if (error instanceof HttpProblem) return { status: error.status };
    throw error;
  }
  return undefined;
};

describe("RFC 4180 records", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF", () => {
    expect(parseCsv('a,"b, ""c""\r\nd"\r\ne,f\ng,\r\n')).toEqual({
      ok: true,
      rows: [
        ["a", 'b, "c"\r\nd'],
        ["e", "f"],
        ["g", ""],
      ],
    });
  });

  it("drops a byte-order mark and refuses an unclosed quote, naming the record", () => {
    expect(parseCsv("\uFEFFmetric,value")).toEqual({ ok: true, rows: [["metric", "value"]] });
    expect(parseCsv('metric,value\r\nx,"1')).toEqual({
      ok: false,
      row: 2,
      message: "has a quoted field that is never closed",
    });
  });
});

describe("a submission's body", () => {
  it("as CSV: figures by row, the source and note rows describing the submission", () => {
    const input = readSubmissionBody(
      csv(
        "metric,value",
        "hotline-calls,14",
        "source,Treserva",
        '"note","Exporterad 2026-11-02, rättad"',
        "hotline-triage-hours-median, 5.5 ",
        "",
      ),
    );
    expect(input).toEqual({
      entries: [
        { metric: "hotline-calls", value: 14, row: 2 },
        { metric: "hotline-triage-hours-median", value: 5.5, row: 5 },
      ],
      meta: { source: "Treserva", note: "Exporterad 2026-11-02, rättad" },
      issues: [],
    });
  });

  it("as CSV: keeps what is not a plain number for the rules to name, and names rows of the wrong shape", () => {
    const input = readSubmissionBody(csv("metric,value", "hotline-calls,1e3", "pre-assessments,4,5"));
    expect(input.entries).toEqual([{ metric: "hotline-calls", value: "1e3", row: 2 }]);
    expect(input.issues).toEqual([
      { path: "row 3", message: "must have two fields, metric and value" },
      { path: "source", message: "is required: a row source,<the case system or method>" },
    ]);
    expect(input.meta).toBeUndefined();
  });

  it("as CSV: needs the header, and the source given once", () => {
    expect(refusal(() => readSubmissionBody(csv("metric;value", "hotline-calls;14")))).toEqual({
      kind: "invalid",
      fields: [{ path: "row 1", message: "must be the header metric,value (comma-separated, RFC 4180)" }],
    });
    const twice = readSubmissionBody(csv("metric,value", "source,A", "source,B", "hotline-calls,1"));
    expect(twice.issues).toEqual([{ path: "row 3", message: "gives source a second time" }]);
  });

  it("as JSON: the metrics as entries, source and note", () => {
    const input = readSubmissionBody(
      body(JSON.stringify({ metrics: { "hotline-calls": 14 }, source: " Procapita " }), "application/json"),
    );
    expect(input).toEqual({
      entries: [{ metric: "hotline-calls", value: 14 }],
      meta: { source: "Procapita" },
      issues: [],
    });
  });

  it("as JSON: names each bad field, and refuses a body that is not JSON", () => {
    expect(
      refusal(() => readSubmissionBody(body(JSON.stringify({ metrics: [], extra: 1 }), "application/json"))),
    ).toEqual({
      kind: "invalid",
      fields: [
        { path: "metrics", message: expect.any(String) },
        { path: "source", message: "is required" },
        { path: "extra", message: "is not a known field" },
      ],
    });
    expect(refusal(() => readSubmissionBody(body("{", "application/json")))).toEqual({
      kind: "invalid",
      fields: [{ path: "(body)", message: "must be valid JSON" }],
    });
  });

  it("is 415 in another content type, 413 when too large, 400 when empty; base64 is decoded", () => {
    expect(refusal(() => readSubmissionBody(body("a=1", "application/x-www-form-urlencoded")))).toEqual({
      status: 415,
    });
    expect(refusal(() => readSubmissionBody(csv("metric,value", "hotline-calls,1"), 10))).toEqual({
      status: 413,
    });
    expect(refusal(() => readSubmissionBody(body("", "text/csv")))).toMatchObject({ kind: "invalid" });
    const decoded = readSubmissionBody(body("metric,value\r\nsource,X\r\nhotline-calls,3", "text/csv", true));
    expect(decoded.entries).toEqual([{ metric: "hotline-calls", value: 3, row: 3 }]);
  });
});
