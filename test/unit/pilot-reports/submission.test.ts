import { describe, expect, it } from "vitest";
import { ageGroupMetricId, kindMetricId } from "../../../services/pilot-reports/domain/catalogue";
import {
  checkSubmissionMonth,
  decideSubmission,
  type SubmittedEntry,
  validateFigures,
} from "../../../services/pilot-reports/domain/submission";
import type { Decision, FieldIssue } from "../../../shared/domain/errors";
import { AGE_GROUPS, REFERRAL_KINDS } from "../../../shared/events/catalogue/intake";

const json = (metrics: Record<string, unknown>): SubmittedEntry[] =>
  Object.entries(metrics).map(([metric, value]) => ({ metric, value }));
const issuesOf = <T>(decision: Decision<T>): readonly FieldIssue[] =>
  decision.ok ? [] : (decision.error.fields ?? []);

describe("a submission's figures", () => {
  it("accepts counts and medians that fit the catalogue", () => {
    const decision = validateFigures(
      json({
        "hotline-calls": 14,
        "hotline-triages-completed": 9,
        "hotline-triage-hours-median": 5.5,
        "release-notices-received": 0,
      }),
    );
    expect(decision).toEqual({
      ok: true,
      value: {
        "hotline-calls": 14,
        "hotline-triages-completed": 9,
        "hotline-triage-hours-median": 5.5,
        "release-notices-received": 0,
      },
    });
  });

  it("names each bad value: counts are whole numbers from 0, medians numbers from 0", () => {
    const decision = validateFigures(
      json({
        "hotline-calls": -1,
        "pre-assessments": 2.5,
        "protective-placements": "3",
        "hotline-triages-completed": 5,
        "hotline-triage-hours-median": -2,
        "release-plans-ready-by-release": null,
      }),
    );
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.error.kind).toBe("invalid");
    expect(issuesOf(decision)).toEqual([
      { path: "metrics.hotline-calls", message: "must be a whole number, 0 or more" },
      { path: "metrics.pre-assessments", message: "must be a whole number, 0 or more" },
      {
        path: "metrics.protective-placements",
        message: "must be a number, with a decimal point if it has decimals",
      },
      { path: "metrics.hotline-triage-hours-median", message: "must be a number, 0 or more" },
      { path: "metrics.release-plans-ready-by-release", message: "must be a number" },
    ]);
  });

  it("refuses a metric not in the catalogue without echoing its name", () => {
    const issues = issuesOf(validateFigures(json({ "hotline-calls": 5, "19900101-0017": 1 })));
    expect(issues).toEqual([{ path: "metrics", message: "names no metric in the catalogue (entry 2)" }]);
    expect(JSON.stringify(issues)).not.toContain("19900101");
    const csv = issuesOf(validateFigures([{ metric: "hotline calls", value: 5, row: 4 }]));
    expect(csv).toEqual([{ path: "row 4", message: "names no metric in the catalogue" }]);
  });

  it("names CSV rows, with the metric, and a metric given twice", () => {
    const issues = issuesOf(
      validateFigures([
        { metric: "hotline-calls", value: "12,5", row: 2 },
        { metric: "pre-assessments", value: "", row: 3 },
        { metric: "pre-assessments", value: 4, row: 5 },
      ]),
    );
    expect(issues).toEqual([
      {
        path: "row 2",
        message: "hotline-calls must be a number, with a decimal point if it has decimals",
      },
      { path: "row 3", message: "pre-assessments has no value" },
      { path: "row 5", message: "pre-assessments is given twice (first in row 3)" },
    ]);
  });

  it("refuses a breakdown larger than its total, naming the part", () => {
    const issues = issuesOf(
      validateFigures(
        json({
          "referrals-received": 10,
          [kindMetricId("concern")]: 12,
          "release-notices-received": 4,
          "release-notices-late": 5,
        }),
      ),
    );
    expect(issues.map((i) => i.path)).toEqual([
      "metrics.referrals-received.kind.concern",
      "metrics.release-notices-late",
    ]);
  });

  it("refuses parts that add up to more than their total, and all parts that do not add up to it", () => {
    const over = issuesOf(
      validateFigures(
        json({ "referrals-received": 10, [kindMetricId("concern")]: 6, [kindMetricId("police")]: 6 }),
      ),
    );
    expect(over).toEqual([
      {
        path: "metrics.referrals-received",
        message: "referrals-received must be at least the sum of its parts given (referrals-by-kind)",
      },
    ]);
    const ages = Object.fromEntries(AGE_GROUPS.map((g) => [ageGroupMetricId(g), 1]));
    const short = issuesOf(validateFigures(json({ "referrals-received": 6, ...ages })));
    expect(short).toEqual([
      {
        path: "metrics.referrals-received",
        message: "referrals-received must equal the sum of its parts (referrals-by-age-group)",
      },
    ]);
    const kinds = Object.fromEntries(REFERRAL_KINDS.map((k) => [kindMetricId(k), 2]));
    expect(validateFigures(json({ "referrals-received": 12, ...kinds })).ok).toBe(true);
  });

  it("refuses a numerator larger than its denominator", () => {
    const issues = issuesOf(validateFigures(json({ "hotline-calls": 4, "hotline-calls-answered-first": 6 })));
    expect(issues).toEqual([
      {
        path: "metrics.hotline-calls-answered-first",
        message: "hotline-calls-answered-first must not be larger than hotline-calls",
      },
    ]);
  });

  it("needs a median's count beside it, and more than none", () => {
    expect(issuesOf(validateFigures(json({ "release-notice-lead-days-median": 100 })))).toEqual([
      {
        path: "metrics.release-notice-lead-days-median",
        message:
          "release-notice-lead-days-median needs release-notices-received, the number of values it is over, beside it",
      },
    ]);
    const overNone = validateFigures(
      json({ "release-notices-received": 0, "release-notice-lead-days-median": 100 }),
    );
    expect(issuesOf(overNone).map((i) => i.path)).toEqual(["metrics.release-notice-lead-days-median"]);
  });

  it("needs at least one metric", () => {
    expect(issuesOf(validateFigures([]))).toEqual([
      { path: "metrics", message: "must give at least one metric" },
    ]);
  });
});

describe("the month of a submission", () => {
  // 23:30 UTC on 30 November is already December in Sweden.
  const now = new Date("2026-11-30T23:30:00Z");
  const refusal = (month: string) => {
    const decision = checkSubmissionMonth(month, now);
    return decision.ok ? undefined : { kind: decision.error.kind, fields: decision.error.fields };
  };

  it("may be the current Stockholm month and up to 36 months back", () => {
    expect(refusal("2026-12")).toBeUndefined();
    expect(refusal("2023-12")).toBeUndefined();
  });

  it("is 422 in the future or more than 36 months back, naming the month", () => {
    expect(refusal("2027-01")).toEqual({
      kind: "unprocessable",
      fields: [{ path: "path.month", message: "must not be in the future" }],
    });
    expect(refusal("2023-11")).toEqual({
      kind: "unprocessable",
      fields: [{ path: "path.month", message: "must be at most 36 months back" }],
    });
  });
});

describe("deciding a submission", () => {
  const now = new Date("2026-11-29T10:00:00Z");
  const command = {
    municipality: "1490",
    month: "2026-10",
    figures: { "hotline-calls": 14 },
    source: "Treserva",
    submittedBy: "statistik-boras",
  };

  it("creates the month's first version, with an audit fact that carries no figures", () => {
    const decision = decideSubmission(undefined, command, now);
    expect(decision.ok && decision.value).toMatchObject({
      kind: "created",
      replaces: 0,
      submission: { ...command, version: 1, submittedAt: "2026-11-29T10:00:00.000Z" },
      audit: {
        action: "submission.created",
        municipality: "1490",
        month: "2026-10",
        version: 1,
        actor: "statistik-boras",
        at: "2026-11-29T10:00:00.000Z",
      },
    });
    if (decision.ok && decision.value.kind !== "unchanged") {
      expect(Object.keys(decision.value.audit).sort()).toEqual([
        "action",
        "actor",
        "at",
        "month",
        "municipality",
        "version",
      ]);
    }
  });

  it("replaces the current version with the next, and changes nothing for the same figures again", () => {
    const first = decideSubmission(undefined, command, now);
    if (!first.ok) throw first.error;
    const current = first.value.submission;
    const replaced = decideSubmission(current, { ...command, figures: { "hotline-calls": 15 } }, now);
    expect(replaced.ok && replaced.value).toMatchObject({
      kind: "replaced",
      replaces: 1,
      submission: { version: 2, figures: { "hotline-calls": 15 } },
      audit: { action: "submission.replaced", version: 2 },
    });
    const again = decideSubmission(current, { ...command, submittedBy: "someone-else" }, now);
    expect(again.ok && again.value).toEqual({ kind: "unchanged", submission: current });
    const noted = decideSubmission(current, { ...command, note: "Rättad export" }, now);
    expect(noted.ok && noted.value.kind).toBe("replaced");
  });

  it("refuses a month not yet begun", () => {
    const decision = decideSubmission(undefined, { ...command, month: "2026-12" }, now);
    expect(decision.ok).toBe(false);
  });
});
