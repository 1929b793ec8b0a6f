/**
 * A municipality's own disclosure threshold, through the local runtime (real JWTs, the settings
 * table it provisions, the real handlers): its administrator raises it, and its own figures are
 * suppressed by it while another municipality's, with the same figures, keep the national one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeService } from "../../../services/intake/service";
import { reportSchema } from "../../../services/pilot-reports/contract";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { provisionForTest } from "../../support/aws";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

let runtime: TestRuntime;
const UPPSALA = "0380";
const KALMAR = "0880";

const json = (method: string, token: string, body: unknown) => ({
  method,
  token,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [intakeService, pilotReportsService],
    resources: await provisionForTest(["intake", "pilot-reports"]),
  });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(() => runtime?.stop());

describe("a municipality's own suppression threshold", () => {
  it("suppresses its own counts below it, never another municipality's", async () => {
    const admin = await runtime.token({
      scope: "settings:admin",
      municipality: UPPSALA,
      sub: "uppsala-admin",
    });
    const put = await runtime.request(
      `/v1/municipalities/${UPPSALA}/settings`,
      json("PUT", admin, { effectiveFrom: "2026-11-23", suppressionThreshold: 10 }),
    );
    expect(put.status).toBe(200);

    for (const code of [UPPSALA, KALMAR]) {
      const submitter = await runtime.token({
        scope: "reports:submit",
        municipality: code,
        sub: `stat-${code}`,
      });
      const submitted = await runtime.request(
        `/v1/reports/pilot/submissions/${code}/2026-10`,
        json("PUT", submitter, { source: "Treserva", metrics: { "hotline-calls": 7 } }),
      );
      expect(submitted.status).toBe(201);
    }

    const reader = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
    const response = await runtime.request(
      `/v1/reports/pilot?municipality=${UPPSALA},${KALMAR}&from=2026-10&to=2026-10`,
      { token: reader },
    );
    expect(response.status).toBe(200);
    const report = reportSchema.parse(await response.json());
    expect(report.suppressionThreshold).toBe(5);
    const [uppsala, kalmar] = report.municipalities;
    expect(uppsala?.suppressionThreshold).toBe(10);
    expect(uppsala?.months[0]?.metrics["hotline-calls"]).toMatchObject({ value: null, suppressed: true });
    expect(kalmar?.suppressionThreshold).toBe(5);
    expect(kalmar?.months[0]?.metrics["hotline-calls"]).toMatchObject({ value: 7, suppressed: false });
  });
});
