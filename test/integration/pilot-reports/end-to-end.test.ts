/**
 * Across services through the local runtime: Kriminalvården posts notices to release-notices, the
 * outbox fans the events out to the pilot-reports queue, tick() drains it into the consumer, and
 * Socialstyrelsen reads the figures, with no personal data anywhere in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSchema } from "../../../services/pilot-reports/contract";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { releaseNoticesService } from "../../../services/release-notices/service";
import { provisionForTest } from "../../support/aws";
import { CONTACT, personnummer } from "../../support/release-notices";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const PEOPLE = ["001", "002", "003", "004", "005", "006"].map((serial) => personnummer("19900101", serial));

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [releaseNoticesService, pilotReportsService],
    resources: await provisionForTest(["release-notices", "pilot-reports"]),
  });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(() => runtime?.stop());

describe("release notices in the pilot report", () => {
  it("counts what Kriminalvården posted, on time and late, once each, with no identity in the answer", async () => {
    const kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
    const post = (i: number, expectedReleaseDate: string) =>
      runtime.request("/v1/release-notices", {
        method: "POST",
        token: kv,
        headers: json,
        body: JSON.stringify({
          noticeId: `KV-E2E-${i}`,
          municipality: "0880",
          person: { personalIdentityNumber: PEOPLE[i]?.thirteen },
          institution: "Anstalten Kumla",
          expectedReleaseDate,
          releaseType: "conditional",
          needs: ["housing"],
          contact: CONTACT,
        }),
      });
    // Five in time (143 days ahead), one late (53 days ahead); the first posted twice (a retry).
    for (let i = 0; i < 5; i++) expect((await post(i, "2027-04-15")).status).toBe(201);
    expect((await post(0, "2027-04-15")).status).toBe(200);
    expect((await post(5, "2027-01-15")).status).toBe(201);
    await runtime.tick();

    const socialstyrelsen = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
    const response = await runtime.request("/v1/reports/pilot?municipality=0880&from=2026-11&to=2026-11", {
      token: socialstyrelsen,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const person of PEOPLE) for (const form of person.forms) expect(text).not.toContain(form);
    const metrics = reportSchema.parse(JSON.parse(text)).municipalities[0]?.months[0]?.metrics ?? {};
    expect(metrics["release-notices-received"]).toEqual({ value: 6, suppressed: false, source: "system" });
    // One late notice: suppressed, and the on-time count with it (6 − 5 would give it away).
    expect(metrics["release-notices-late"]).toEqual({ value: null, suppressed: true, source: "system" });
    expect(metrics["release-notices-on-time"]).toEqual({ value: null, suppressed: true, source: "system" });
    // Lead days 143 ×5 and 53: the median is 143.
    expect(metrics["release-notice-lead-days-median"]).toEqual({
      value: 143,
      suppressed: false,
      source: "system",
    });
  });
});
