/**
 * The "done when", across services through the local runtime: a caseworker records an SIG
 * for a 19-year-old, intake's outbox sends intervention.started to the pilot-reports queue, tick()
 * drains it into the consumer, and that month's pilot report counts it, by type and by age group,
 * with the days from referral to the first intervention, and no person in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referralViewSchema } from "../../../services/intake/contract";
import { interventionViewSchema } from "../../../services/intake/contract-interventions";
import { intakeService } from "../../../services/intake/service";
import { reportSchema } from "../../../services/pilot-reports/contract";
import { pilotReportsService } from "../../../services/pilot-reports/service";
import { provisionForTest } from "../../support/aws";
import { personnummer } from "../../support/identities";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
/** Born 1 March 2007: 19 years old in November 2026. Five, so that the figures are not suppressed. */
const NINETEEN = ["011", "022", "033", "044", "055"].map((serial) => personnummer("20070301", serial));

let runtime: TestRuntime;
const pin = async (now: string) => {
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now }),
  });
  expect(pinned.status).toBe(200);
};
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [intakeService, pilotReportsService],
    resources: await provisionForTest(["intake", "pilot-reports"]),
    checkResponses: true,
  });
});
afterAll(() => runtime?.stop());

describe("an SIG for a 19-year-old in the month's pilot report", () => {
  it("is counted in interventions-started, by type and age group, with the days to the first intervention", async () => {
    const caseworker = await runtime.token({
      scope: "referrals:write referrals:read referrals:manage",
      municipality: "1490",
      sub: "handlaggare-boras",
    });
    const call = (path: string, method: string, body: unknown) =>
      runtime.request(path, { method, token: caseworker, headers: json, body: JSON.stringify(body) });

    await pin("2026-11-23T10:00:00+01:00");
    const referrals = [];
    for (const person of NINETEEN) {
      const posted = await call("/v1/referrals", "POST", {
        kind: "self-referral",
        municipality: "1490",
        subject: { personalIdentityNumber: person.thirteen },
        reporter: { role: "self" },
      });
      expect(posted.status).toBe(201);
      referrals.push(referralViewSchema.parse(await posted.json()));
    }
    expect(referrals.map((r) => r.ageGroup)).toEqual(Array(5).fill("18-30"));

    // Decided on the 24th, started on the 26th: three days after each referral was received.
    await pin("2026-11-27T09:00:00+01:00");
    for (const referral of referrals) {
      const decided = await call(`/v1/referrals/${referral.id}/interventions`, "POST", {
        type: "sig",
        decidedAt: "2026-11-24",
        note: "Beslut om SIG efter samtal med polisen.",
      });
      expect(decided.status).toBe(201);
      const { id } = interventionViewSchema.parse(await decided.json());
      const started = await call(`/v1/referrals/${referral.id}/interventions/${id}`, "PATCH", {
        startedAt: "2026-11-26",
      });
      expect(started.status).toBe(200);
    }
    await runtime.tick();

    const socialstyrelsen = await runtime.token({ scope: "reports:read national", sub: "socialstyrelsen" });
    const response = await runtime.request("/v1/reports/pilot?municipality=1490&from=2026-11&to=2026-11", {
      token: socialstyrelsen,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const person of NINETEEN) for (const form of person.forms) expect(text).not.toContain(form);
    expect(text).not.toContain("polisen");
    const metrics = reportSchema.parse(JSON.parse(text)).municipalities[0]?.months[0]?.metrics ?? {};
    const shown = (value: number) => ({ value, suppressed: false, source: "system" });
    expect(metrics["interventions-started"]).toEqual(shown(5));
    expect(metrics["interventions-started.type.sig"]).toEqual(shown(5));
    expect(metrics["interventions-started.type.fft"]).toEqual(shown(0));
    expect(metrics["interventions-started.age-group.18-30"]).toEqual(shown(5));
    expect(metrics["first-interventions-started"]).toEqual(shown(5));
    expect(metrics["intervention-days-to-first-median"]).toEqual(shown(3));
    expect(metrics["sip-bup-started"]).toEqual(shown(0));
    expect(metrics["referrals-received"]).toEqual(shown(5));
  });
});
