import { describe, expect, it } from "vitest";
import { MAX_MUNICIPALITIES, reportQuerySchema } from "../../../services/pilot-reports/contract";
import { CSV_HEADER, reportToCsv, wantsCsv } from "../../../services/pilot-reports/csv";
import { monthsBetween } from "../../../services/pilot-reports/domain/months";
import { fieldErrors } from "../../../shared/http/edge";
import { isKommunkod, PILOT_MUNICIPALITIES } from "../../../shared/municipalities";

const errorsOf = (query: Record<string, string>) => {
  const result = reportQuerySchema.safeParse(query);
  return result.success ? [] : fieldErrors(result.error, "query").map((e) => e.path);
};

describe("the report query", () => {
  it("expands pilot, keeps a comma list's order and drops repeats", () => {
    expect(
      reportQuerySchema.parse({ municipality: "pilot", from: "2025-07", to: "2026-06" }).municipality,
    ).toEqual([...PILOT_MUNICIPALITIES]);
    expect(
      reportQuerySchema.parse({ municipality: "0127,0180,0127", from: "2025-07", to: "2025-07" })
        .municipality,
    ).toEqual(["0127", "0180"]);
  });

  it("names each bad field", () => {
    expect(errorsOf({ municipality: "9999", from: "2025-13", to: "2025" })).toEqual([
      "query.municipality",
      "query.from",
      "query.to",
    ]);
    expect(errorsOf({ from: "2025-01", to: "2025-02" })).toEqual(["query.municipality"]);
    expect(errorsOf({ municipality: "0880", from: "2025-02", to: "2025-01" })).toEqual(["query.from"]);
    expect(errorsOf({ municipality: "0880", from: "2023-01", to: "2025-12" })).toEqual([]);
    expect(errorsOf({ municipality: "0880", from: "2023-01", to: "2026-01" })).toEqual(["query.to"]);
    expect(errorsOf({ municipality: "0880", from: "2025-01", to: "2025-01", format: "xml" })).toEqual([
      "query.format",
    ]);
  });

  it("refuses a code that names no municipality, and a list too long, without echoing the codes", () => {
    const refusal = (municipality: string) => {
      const result = reportQuerySchema.safeParse({ municipality, from: "2025-07", to: "2025-07" });
      return result.success ? [] : fieldErrors(result.error, "query");
    };
    expect(refusal("0880,9999")).toEqual([
      {
        path: "query.municipality",
        message: "must be kommunkoder of Swedish municipalities, comma-separated, or pilot",
      },
    ]);
    // 51 real kommunkoder: the pilot's, then every code from 0114 up until there are enough.
    const codes: string[] = [...PILOT_MUNICIPALITIES];
    for (let n = 114; codes.length <= MAX_MUNICIPALITIES; n++) {
      const code = String(n).padStart(4, "0");
      if (isKommunkod(code) && !codes.includes(code)) codes.push(code);
    }
    expect(refusal(codes.join(","))).toEqual([
      { path: "query.municipality", message: `must name at most ${MAX_MUNICIPALITIES} municipalities` },
    ]);
    expect(refusal(codes.slice(0, MAX_MUNICIPALITIES).join(","))).toEqual([]);
  });

  it("lists every month across a year end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2025-07", "2026-06")).toHaveLength(12);
  });
});

describe("CSV", () => {
  it("is RFC 4180 with CRLF, one row per municipality, month and metric, then the rates, each with its source", () => {
    const csv = reportToCsv({
      generatedAt: "2026-11-23T10:00:00.000Z",
      suppressionThreshold: 5,
      period: { from: "2026-01", to: "2026-01" },
      municipalities: [
        {
          code: "0880",
          name: "Kalmar",
          suppressionThreshold: 5,
          months: [
            {
              month: "2026-01",
              metrics: {
                "hotline-calls": { value: 12, suppressed: false, source: "system" },
                "protective-placements": { value: null, suppressed: true, source: "system" },
                "hotline-triage-hours-median": { value: 7.5, suppressed: false, source: "system" },
                "referrals-received": {
                  value: 40,
                  suppressed: false,
                  source: "submitted",
                  sourceName: "Treserva, export",
                },
                "pre-assessments": { value: null, suppressed: false, source: "none" },
              },
              rates: {
                "hotline-calls-answered-first-share": { value: 0.75, suppressed: false, source: "system" },
                "pre-assessments-within-14-days-share": { value: null, suppressed: false, source: "mixed" },
              },
            },
          ],
        },
      ],
    });
    expect(CSV_HEADER.join(",")).toBe("municipality,month,metric,value,suppressed,source,source_name");
    expect(csv).toBe(
      [
        CSV_HEADER.join(","),
        "0880,2026-01,hotline-calls,12,false,system,",
        "0880,2026-01,protective-placements,,true,system,",
        "0880,2026-01,hotline-triage-hours-median,7.5,false,system,",
        '0880,2026-01,referrals-received,40,false,submitted,"Treserva, export"',
        "0880,2026-01,pre-assessments,,false,none,",
        "0880,2026-01,hotline-calls-answered-first-share,0.75,false,system,",
        "0880,2026-01,pre-assessments-within-14-days-share,,false,mixed,",
        "",
      ].join("\r\n"),
    );
  });

  it("is chosen by format, or by Accept when format is absent", () => {
    expect(wantsCsv("csv", undefined)).toBe(true);
    expect(wantsCsv("json", "text/csv")).toBe(false);
    expect(wantsCsv(undefined, "text/csv")).toBe(true);
    expect(wantsCsv(undefined, "application/json, text/csv;q=0.5")).toBe(true);
    expect(wantsCsv(undefined, "text/csv;q=0")).toBe(false);
    expect(wantsCsv(undefined, "application/json")).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
