/**
 * Municipalities on other case systems submit their own monthly figures, through the local runtime
 * (real JWTs, the real handlers, DynamoDB Local): the report then says where each figure came from,
 * applies disclosure control to submitted figures as to the system's own, and shows null, never 0,
 * where neither covers a month.
 */
import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  reportSchema,
  submissionHistorySchema,
  submissionListSchema,
  submissionSchema,
} from "../../../services/pilot-reports/contract";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { documentClient } from "../../../shared/dynamo";
import { provisionForTest } from "../../support/aws";
import { events } from "../../support/pilot-reports";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const problemSchema = z.object({
  status: z.number(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

let runtime: TestRuntime;
let socialstyrelsen: string;
let boras: string;
let kalmar: string;

const SUBMISSIONS = "/v1/reports/pilot/submissions";
const put = (path: string, token: string, contentType: string, body: string) =>
  runtime.request(`${SUBMISSIONS}/${path}`, {
    method: "PUT",
    token,
    headers: { "content-type": contentType },
    body,
  });
const putCsv = (path: string, token: string, ...rows: string[]) =>
  put(path, token, "text/csv", `${rows.join("\r\n")}\r\n`);
const putJson = (path: string, token: string, body: unknown) =>
  put(path, token, "application/json", JSON.stringify(body));
const get = (path: string, token: string) => runtime.request(path, { token });

const monthsOf = async (code: string, from: string, to: string) => {
  const response = await get(`/v1/reports/pilot?municipality=${code}&from=${from}&to=${to}`, socialstyrelsen);
  expect(response.status).toBe(200);
  return reportSchema.parse(await response.json()).municipalities[0]?.months ?? [];
};

beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [pilotReportsService],
    resources: await provisionForTest(["pilot-reports"]),
  });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
  socialstyrelsen = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
  boras = await runtime.token({ scope: "reports:submit", municipality: "1490", sub: "statistik-boras" });
  kalmar = await runtime.token({ scope: "reports:submit reports:read", municipality: "0880", sub: "kalmar" });

  // Kalmar runs its intake here: six calls in October 2026, four answered by the first in the chain.
  const calls = Array.from({ length: 6 }, (_, i) => {
    const at = `2026-10-0${i + 1}T10:00:00Z`;
    return i < 4
      ? [events.callReceived("0880", at), events.callRouted("0880", at, 1)]
      : [events.callReceived("0880", at)];
  }).flat();
  await runtime.resources.clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: runtime.resources.queueUrls["pilot-reports"] ?? "",
      Entries: calls.map((body, k) => ({ Id: String(k), MessageBody: JSON.stringify(body) })),
    }),
  );
  await runtime.tick();
});
afterAll(() => runtime?.stop());

describe("submitting a municipality's own figures", () => {
  it("takes Borås's CSV, and the report shows its small counts suppressed and where they came from", async () => {
    const response = await putCsv(
      "1490/2026-10",
      boras,
      "metric,value",
      "source,Treserva",
      "hotline-calls,3",
      "release-notices-received,12",
      "release-notices-on-time,9",
      "release-notices-late,3",
    );
    expect(response.status).toBe(201);
    const submission = submissionSchema.parse(await response.json());
    expect(submission).toMatchObject({
      municipality: "1490",
      month: "2026-10",
      version: 1,
      source: "Treserva",
    });
    expect(submission.submittedBy).toBe("statistik-boras");

    const [september, october] = await monthsOf("1490", "2026-09", "2026-10");
    const treserva = { source: "submitted", sourceName: "Treserva" };
    expect(october?.metrics["hotline-calls"]).toEqual({ value: null, suppressed: true, ...treserva });
    expect(october?.metrics["release-notices-received"]).toEqual({
      value: 12,
      suppressed: false,
      ...treserva,
    });
    // 3 late: suppressed, and the on-time count with it, since 12 − 9 would give it away.
    expect(october?.metrics["release-notices-late"]).toEqual({ value: null, suppressed: true, ...treserva });
    expect(october?.metrics["release-notices-on-time"]).toEqual({
      value: null,
      suppressed: true,
      ...treserva,
    });
    expect(october?.rates["release-notices-on-time-share"]).toEqual({
      value: null,
      suppressed: true,
      ...treserva,
    });
    // What Borås did not submit, and the system never recorded for Borås, is unknown.
    expect(october?.metrics["pre-assessments"]).toEqual({ value: null, suppressed: false, source: "none" });
    expect(october?.metrics["release-notice-lead-days-median"]).toEqual({
      value: null,
      suppressed: false,
      source: "none",
    });
    for (const cell of Object.values(september?.metrics ?? {})) {
      expect(cell).toEqual({ value: null, suppressed: false, source: "none" });
    }

    const csv = await runtime.request(
      "/v1/reports/pilot?municipality=1490&from=2026-10&to=2026-10&format=csv",
      {
        token: socialstyrelsen,
      },
    );
    const lines = (await csv.text()).split("\r\n");
    expect(lines).toContain("1490,2026-10,release-notices-received,12,false,submitted,Treserva");
    expect(lines).toContain("1490,2026-10,pre-assessments,,false,none,");
  });

  it("replaces a month's figures with a later PUT, keeps both in the history, and audits each", async () => {
    const replaced = await putJson("1490/2026-10", boras, {
      metrics: { "hotline-calls": 14, "hotline-calls-answered-first": 11 },
      source: "Treserva",
      note: "Exporten rättad: samtal via växeln saknades",
    });
    expect(replaced.status).toBe(200);
    expect(submissionSchema.parse(await replaced.json()).version).toBe(2);

    const [october] = await monthsOf("1490", "2026-10", "2026-10");
    expect(october?.metrics["hotline-calls"]).toMatchObject({ value: 14, source: "submitted" });
    // The replacement gave no release notices: the earlier submission's no longer count.
    expect(october?.metrics["release-notices-received"]).toMatchObject({ value: null, source: "none" });
    expect(october?.rates["hotline-calls-answered-first-share"]).toMatchObject({ value: 0.786 });

    const history = await get(`${SUBMISSIONS}/1490/2026-10/history`, socialstyrelsen);
    expect(history.status).toBe(200);
    const { items } = submissionHistorySchema.parse(await history.json());
    expect(items.map((s) => [s.version, s.metrics["hotline-calls"], s.submittedBy])).toEqual([
      [1, 3, "statistik-boras"],
      [2, 14, "statistik-boras"],
    ]);
    expect(items[1]?.note).toBe("Exporten rättad: samtal via växeln saknades");
    expect(items.every((s) => s.submittedAt === "2026-11-23T09:00:00.000Z")).toBe(true);

    // The same figures again change nothing: no third version.
    const again = await putJson("1490/2026-10", boras, {
      metrics: { "hotline-calls": 14, "hotline-calls-answered-first": 11 },
      source: "Treserva",
      note: "Exporten rättad: samtal via växeln saknades",
    });
    expect(again.status).toBe(200);
    expect(submissionSchema.parse(await again.json()).version).toBe(2);

    const doc = documentClient(runtime.resources.clients.dynamodb);
    const { Items: audit = [] } = await doc.send(
      new QueryCommand({
        // Kept apart from the figures, in the append-only audit table.
        TableName: runtime.resources.auditTable,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": "pilot-reports#SUB#1490" },
      }),
    );
    expect(audit.map((a) => [a.action, a.version, a.actor])).toEqual([
      ["submission.created", 1, "statistik-boras"],
      ["submission.replaced", 2, "statistik-boras"],
    ]);
    // The audit says who, when and what, never the figures or the note.
    expect(JSON.stringify(audit)).not.toContain("rättad");
  });

  it("wins over the system's own figure for what it gives; a rate over two sources is not computed", async () => {
    const before = await monthsOf("0880", "2026-10", "2026-10");
    expect(before[0]?.metrics["hotline-calls"]).toEqual({ value: 6, suppressed: false, source: "system" });
    expect(
      (await putJson("0880/2026-10", kalmar, { metrics: { "hotline-calls": 8 }, source: "Procapita" }))
        .status,
    ).toBe(201);
    const [october] = await monthsOf("0880", "2026-10", "2026-10");
    expect(october?.metrics["hotline-calls"]).toEqual({
      value: 8,
      suppressed: false,
      source: "submitted",
      sourceName: "Procapita",
    });
    expect(october?.metrics["hotline-calls-answered-first"]).toEqual({
      value: null,
      suppressed: true,
      source: "system",
    });
    expect(october?.rates["hotline-calls-answered-first-share"]).toEqual({
      value: null,
      suppressed: false,
      source: "mixed",
    });
  });

  it("lets a municipality submit for itself only", async () => {
    const forBoras = await putJson("1490/2026-09", kalmar, {
      metrics: { "hotline-calls": 9 },
      source: "Procapita",
    });
    expect(forBoras.status).toBe(403);
    expect(forBoras.headers.get("content-type")).toBe("application/problem+json");
    const withoutClaim = await runtime.token({ scope: "reports:submit", sub: "socialstyrelsen" });
    expect(
      (await putJson("1490/2026-09", withoutClaim, { metrics: { "hotline-calls": 9 }, source: "X" })).status,
    ).toBe(403);
    const readOnly = await runtime.token({ scope: "reports:read", municipality: "1490" });
    expect(
      (await putJson("1490/2026-09", readOnly, { metrics: { "hotline-calls": 9 }, source: "X" })).status,
    ).toBe(403);
    expect((await get(`${SUBMISSIONS}/1490/2026-09/history`, socialstyrelsen)).status).toBe(404);
  });

  it("refuses a breakdown larger than its total, naming the row, and writes nothing", async () => {
    const response = await putCsv(
      "1490/2026-08",
      boras,
      "metric,value",
      "source,Treserva",
      "referrals-received,10",
      "referrals-received.kind.concern,12",
      "hotline-calls,-1",
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = problemSchema.parse(await response.json());
    expect(problem.errors).toEqual([
      {
        path: "row 4",
        message: "referrals-received.kind.concern must not be larger than its total referrals-received",
      },
      { path: "row 5", message: "hotline-calls must be a whole number, 0 or more" },
    ]);
    expect((await get(`${SUBMISSIONS}/1490/2026-08/history`, boras)).status).toBe(404);
  });

  it("is 422 for a month in the future or more than 36 months back", async () => {
    for (const month of ["2026-12", "2023-10"]) {
      const response = await putJson(`1490/${month}`, boras, {
        metrics: { "hotline-calls": 9 },
        source: "X",
      });
      expect(response.status).toBe(422);
      expect(problemSchema.parse(await response.json()).errors?.map((e) => e.path)).toEqual(["path.month"]);
    }
    expect(
      (await putJson("1490/2023-11", boras, { metrics: { "hotline-calls": 9 }, source: "X" })).status,
    ).toBe(201);
  });

  it("lists what was submitted, for the municipality itself and for reports:read", async () => {
    const listed = await get(
      `${SUBMISSIONS}?municipality=1490,0880&from=2026-01&to=2026-12`,
      socialstyrelsen,
    );
    expect(listed.status).toBe(200);
    const { items } = submissionListSchema.parse(await listed.json());
    expect(items.map((s) => [s.municipality, s.month, s.version])).toEqual([
      ["1490", "2026-10", 2],
      ["0880", "2026-10", 1],
    ]);
    const own = await get(`${SUBMISSIONS}?municipality=1490&from=2023-01&to=2025-12`, boras);
    expect(submissionListSchema.parse(await own.json()).items.map((s) => s.month)).toEqual(["2023-11"]);
    expect((await get(`${SUBMISSIONS}?municipality=1490&from=2026-01&to=2026-12`, kalmar)).status).toBe(403);
  });
});
