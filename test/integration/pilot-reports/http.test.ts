/**
 * The förstärkningsteam's pull through the local runtime: events sent to the pilot-reports queue,
 * drained into the real consumer by tick(), then read over HTTP with real JWTs in JSON and CSV.
 */
import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { metricsCatalogueSchema, reportSchema } from "../../../services/pilot-reports/contract";
import { CSV_HEADER } from "../../../services/pilot-reports/csv";
import { METRIC_IDS } from "../../../services/pilot-reports/domain/catalogue";
import { RATE_IDS } from "../../../services/pilot-reports/domain/rates";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { PILOT_MUNICIPALITIES } from "../../../shared/municipalities";
import { provisionForTest } from "../../support/aws";
import { events } from "../../support/pilot-reports";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const problemSchema = z.object({
  status: z.number(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

let runtime: TestRuntime;
let socialstyrelsen: string;
let kalmar: string;

const send = async (bodies: readonly unknown[]) => {
  const queueUrl = runtime.resources.queueUrls["pilot-reports"] ?? "";
  for (let i = 0; i < bodies.length; i += 10) {
    await runtime.resources.clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies
          .slice(i, i + 10)
          .map((body, k) => ({ Id: String(k), MessageBody: JSON.stringify(body) })),
      }),
    );
  }
};

beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [pilotReportsService],
    resources: await provisionForTest(["pilot-reports"]),
  });
  socialstyrelsen = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
  kalmar = await runtime.token({ scope: "reports:read", municipality: "0880", sub: "kalmar-analytiker" });

  const referrals = [
    ...Array.from({ length: 9 }, () =>
      events.referralReceived("0880", "2026-03-05T10:00:00Z", { kind: "concern" }),
    ),
    ...Array.from({ length: 2 }, () =>
      events.referralReceived("0880", "2026-03-06T10:00:00Z", { kind: "self-referral", ageGroup: "18-30" }),
    ),
  ];
  const notices = Array.from({ length: 7 }, (_, i) =>
    events.noticeReceived("0880", "2026-03-10T09:00:00Z", 80 + i),
  );
  const calls = Array.from({ length: 6 }, (_, i) => events.callReceived("1490", `2026-03-1${i}T21:00:00Z`));
  const all = [...referrals, ...notices, ...calls];
  // Every event twice: redelivery through the real queue counts once.
  await send([...all, ...all]);
  const summary = await runtime.tick();
  expect(summary).toBeDefined();
});
afterAll(() => runtime?.stop());

const get = (path: string, token: string | undefined, headers: Record<string, string> = {}) =>
  runtime.request(path, { ...(token ? { token } : {}), headers });

describe("GET /v1/reports/pilot", () => {
  it("gives Socialstyrelsen the six pilot municipalities, every month, small cells suppressed", async () => {
    const response = await get(
      "/v1/reports/pilot?municipality=pilot&from=2026-01&to=2026-12",
      socialstyrelsen,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const report = reportSchema.parse(await response.json());
    expect(report.suppressionThreshold).toBe(5);
    expect(report.period).toEqual({ from: "2026-01", to: "2026-12" });
    expect(report.municipalities.map((m) => m.code)).toEqual([...PILOT_MUNICIPALITIES]);
    for (const municipality of report.municipalities) {
      expect(municipality.months.map((m) => m.month)).toHaveLength(12);
      for (const month of municipality.months) {
        expect(Object.keys(month.metrics)).toEqual(METRIC_IDS);
        expect(Object.keys(month.rates)).toEqual(RATE_IDS);
      }
    }
    const kalmarMarch = report.municipalities.find((m) => m.code === "0880")?.months[2]?.metrics ?? {};
    expect(kalmarMarch["referrals-received"]).toEqual({ value: 11, suppressed: false, source: "system" });
    // 2 self-referrals: suppressed, and so is the concern count that would give them away
    // (11 − 9); the total stays. The age groups (9 and 2) protect themselves the same way.
    expect(kalmarMarch["referrals-received.kind.concern"]).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(kalmarMarch["referrals-received.kind.self-referral"]).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(kalmarMarch["referrals-received.age-group.18-30"]).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(kalmarMarch["referrals-received.age-group.13-17"]).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    // 7 notices, lead days 80..86: all late (under three months).
    expect(kalmarMarch["release-notices-received"]).toEqual({
      value: 7,
      suppressed: false,
      source: "system",
    });
    expect(kalmarMarch["release-notices-late"]).toEqual({ value: 7, suppressed: false, source: "system" });
    expect(kalmarMarch["release-notice-lead-days-median"]).toEqual({
      value: 83,
      suppressed: false,
      source: "system",
    });
    const borasMarch = report.municipalities.find((m) => m.code === "1490")?.months[2]?.metrics ?? {};
    expect(borasMarch["hotline-calls"]).toEqual({ value: 6, suppressed: false, source: "system" });
    // 7 late of 7: the share on time is 0, from the system's own figures.
    const kalmarMarchRates = report.municipalities.find((m) => m.code === "0880")?.months[2]?.rates ?? {};
    expect(kalmarMarchRates["release-notices-on-time-share"]).toEqual({
      value: 0,
      suppressed: false,
      source: "system",
    });
    // After Kalmar's first recorded event (March) a quiet month is 0; before it, unknown: null, not 0.
    const kalmar = report.municipalities.find((m) => m.code === "0880")?.months ?? [];
    expect(kalmar[3]?.metrics["hotline-calls"]).toEqual({ value: 0, suppressed: false, source: "system" });
    expect(kalmar[1]?.metrics["hotline-calls"]).toEqual({ value: null, suppressed: false, source: "none" });
    // Uppsala: nothing recorded, nothing submitted.
    const uppsalaJanuary = report.municipalities.find((m) => m.code === "0380")?.months[0]?.metrics ?? {};
    expect(uppsalaJanuary["hotline-calls"]).toEqual({ value: null, suppressed: false, source: "none" });
  });

  it("answers CSV for format=csv and for Accept: text/csv", async () => {
    for (const [path, headers] of [
      ["/v1/reports/pilot?municipality=0880&from=2026-03&to=2026-04&format=csv", {}],
      ["/v1/reports/pilot?municipality=0880&from=2026-03&to=2026-04", { accept: "text/csv" }],
    ] as const) {
      const response = await get(path, socialstyrelsen, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const text = await response.text();
      const lines = text.split("\r\n");
      expect(lines[0]).toBe(CSV_HEADER.join(","));
      expect(lines.at(-1)).toBe("");
      expect(lines).toHaveLength(1 + 2 * (METRIC_IDS.length + RATE_IDS.length) + 1);
      expect(lines).toContain("0880,2026-03,referrals-received,11,false,system,");
      expect(lines).toContain("0880,2026-03,referrals-received.kind.self-referral,,true,system,");
      expect(lines).toContain("0880,2026-04,hotline-calls,0,false,system,");
      expect(lines).toContain("0880,2026-03,release-notices-on-time-share,0,false,system,");
    }
  });

  it("lets a municipal token read its own municipality only", async () => {
    expect((await get("/v1/reports/pilot?municipality=0880&from=2026-03&to=2026-03", kalmar)).status).toBe(
      200,
    );
    for (const selection of ["1490", "0880,1490", "pilot"]) {
      const response = await get(
        `/v1/reports/pilot?municipality=${selection}&from=2026-03&to=2026-03`,
        kalmar,
      );
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("refuses a token without the scope, and no token", async () => {
    const other = await runtime.token({ scope: "release-notices:read", municipality: "0880" });
    expect((await get("/v1/reports/pilot?municipality=0880&from=2026-03&to=2026-03", other)).status).toBe(
      403,
    );
    expect((await get("/v1/reports/pilot?municipality=0880&from=2026-03&to=2026-03", undefined)).status).toBe(
      401,
    );
  });

  it("answers 400 problem+json naming each bad field", async () => {
    const cases: [string, string[]][] = [
      ["municipality=9999&from=2026-01&to=2026-02", ["query.municipality"]],
      ["municipality=0880&from=2026-13&to=2026-2", ["query.from", "query.to"]],
      ["municipality=0880&from=2026-05&to=2026-04", ["query.from"]],
      ["municipality=0880&from=2023-01&to=2026-01", ["query.to"]],
      ["from=2026-01&to=2026-02", ["query.municipality"]],
    ];
    for (const [query, paths] of cases) {
      const response = await get(`/v1/reports/pilot?${query}`, socialstyrelsen);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = problemSchema.parse(await response.json());
      expect(problem.errors?.map((e) => e.path)).toEqual(paths);
    }
  });
});

describe("GET /v1/reports/pilot/metrics", () => {
  it("lists every metric with Swedish and English titles, its event and month, and the relations", async () => {
    const response = await get("/v1/reports/pilot/metrics", socialstyrelsen);
    expect(response.status).toBe(200);
    const catalogue = metricsCatalogueSchema.parse(await response.json());
    expect(catalogue.metrics.map((m) => m.id)).toEqual(METRIC_IDS);
    for (const id of [
      "referrals-received",
      "pre-assessments-within-14-days",
      "first-offence-conversations-within-48-hours",
      "release-notices-received",
      "release-notices-on-time",
      "release-notices-late",
      "release-notice-lead-days-median",
      "release-plans-ready-by-release",
      "hotline-calls",
      "hotline-calls-answered-first",
      "hotline-triages-completed-within-24h",
      "hotline-triage-hours-median",
      "protective-placements",
      "financial-assistance-referrals",
    ]) {
      expect(METRIC_IDS).toContain(id);
    }
    expect(catalogue.relations.map((r) => r.id)).toContain("release-notices-by-timeliness");
  });
});
