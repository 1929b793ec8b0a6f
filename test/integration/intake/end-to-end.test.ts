/**
 * The README's walk-through through the local runtime: real HTTP, real JWT verification, both
 * services' real handlers, DynamoDB Local and fauxqs. A school's concern report about a child,
 * its protection assessment and decision, an assignment, and a release notice from Kriminalvården
 * that becomes a referral once the queues are drained.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  auditListSchema,
  caseworkerViewSchema,
  groupReceiptSchema,
  referralDetailSchema,
  referralListSchema,
  referralViewSchema,
} from "../../../services/intake/contract";
import { intakeService } from "../../../services/intake/service";
import { releaseNoticesService } from "../../../services/release-notices/service";
import { provisionForTest } from "../../support/aws";
import { CONTACT } from "../../support/release-notices";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const problemSchema = z.object({
  status: z.number(),
  errors: z.optional(z.array(z.object({ path: z.string() }))),
});

let runtime: TestRuntime;
let school: string;
let staffToken: string;
let kv: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({
    services: [releaseNoticesService, intakeService],
    resources: await provisionForTest(["release-notices", "intake"]),
  });
  school = await runtime.token({ scope: "referrals:write", municipality: "0880", sub: "skola-kalmar" });
  staffToken = await runtime.token({
    scope: "referrals:read referrals:manage audit:read",
    municipality: "0880",
    sub: "handlaggare-1",
  });
  kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(() => runtime?.stop());

const call = (path: string, token: string, method = "GET", body?: unknown) =>
  runtime.request(path, {
    method,
    token,
    headers: json,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("the README's walk-through", () => {
  it("a child's concern report: assessed, decided, assigned; a release notice becomes a referral", async () => {
    const posted = await call("/v1/referrals", school, "POST", {
      kind: "concern",
      municipality: "0880",
      subject: { personalIdentityNumber: "20120510-1239" },
      reporter: { role: "school" },
      summary: "Eleven har berättat om hot från äldre kamrater.",
    });
    expect(posted.status).toBe(201);
    // The school's e-service learns that the report was received, and nothing else.
    const receipt = z.record(z.string(), z.string()).parse(await posted.json());
    expect(Object.keys(receipt).sort()).toEqual(["id", "receivedAt"]);
    const referral = referralViewSchema.parse(
      await (await call(`/v1/referrals/${receipt.id}`, staffToken)).json(),
    );
    expect(referral).toMatchObject({ unit: "mottag-barn", ageGroup: "13-17", status: "open" });

    const assessed = await call(`/v1/referrals/${referral.id}/protection-assessment`, staffToken, "POST", {
      immediateProtectionNeeded: false,
      note: "Talat med vårdnadshavare samma dag.",
    });
    expect(assessed.status).toBe(200);
    const decided = await call(`/v1/referrals/${referral.id}/decision`, staffToken, "POST", {
      openInvestigation: true,
      reason: "Oro för att barnet dras in i kriminalitet.",
    });
    expect(referralViewSchema.parse(await decided.json()).status).toBe("investigating");

    const cw = await call("/v1/units/mottag-barn/caseworkers/cw-1001", staffToken, "PUT", {
      name: "Karin Lund",
      capacity: 20,
    });
    expect(caseworkerViewSchema.parse(await cw.json())).toMatchObject({ caseload: 0 });
    const assigned = await call(`/v1/referrals/${referral.id}/assign`, staffToken, "POST", {});
    expect(referralViewSchema.parse(await assigned.json()).assignee).toBe("cw-1001");

    const detail = referralDetailSchema.parse(
      await (await call(`/v1/referrals/${referral.id}`, staffToken)).json(),
    );
    expect(detail.deadlines.map((d) => [d.type, d.state])).toEqual([
      ["protection-assessment", "met"],
      ["pre-assessment", "met"],
      ["investigation", "open"],
    ]);
    const audit = auditListSchema.parse(
      await (await call(`/v1/audit?referral=${referral.id}`, staffToken)).json(),
    );
    expect(audit.items.map((e) => e.action)).toEqual([
      "create",
      "read",
      "protection-assessment",
      "decision",
      "assign",
      "read",
    ]);

    const notice = await call("/v1/release-notices", kv, "POST", {
      noticeId: "KV-2026-000777",
      municipality: "0880",
      person: { personalIdentityNumber: "19900101-0017" },
      institution: "Anstalten Kumla",
      expectedReleaseDate: "2027-04-15",
      releaseType: "conditional",
      needs: ["housing"],
      contact: { ...CONTACT },
    });
    expect(notice.status).toBe(201);
    const tick = await runtime.request("/_local/tick", { method: "POST", headers: json });
    expect(tick.status).toBe(200);
    const releases = referralListSchema.parse(
      await (await call("/v1/referrals?kind=release", staffToken)).json(),
    );
    expect(releases.items).toHaveLength(1);
    expect(releases.items[0]).toMatchObject({
      unit: "mottag-vuxen",
      source: { type: "release-notice", id: "KV-2026-000777" },
      deadlines: [{ type: "release-plan", dueAt: "2027-04-14T22:00:00.000Z", state: "open" }],
    });
  });

  it("siblings, one without a personnummer identified later, and a lawful extension", async () => {
    const posted = await call("/v1/referrals", school, "POST", {
      kind: "concern",
      municipality: "0880",
      subjects: [
        { personalIdentityNumber: "20120510-1239" },
        { name: "Sara", approximateAge: 6 },
        { name: "Ali", birthDate: "2016-02-29" },
      ],
      suspectedViolenceByCloseRelative: true,
      reporter: { role: "school", name: "Lena Ek", contact: { phone: "+46480450000" } },
      guardians: [{ name: "Maria Svensson" }],
    });
    expect(posted.status).toBe(201);
    const group = groupReceiptSchema.parse(await posted.json());
    expect(group.items).toHaveLength(3);
    const sara = group.items[1]?.id ?? "";
    const identified = await call(`/v1/referrals/${sara}/identify`, staffToken, "POST", {
      personalIdentityNumber: "20200606-2380",
    });
    expect(identified.status).toBe(200);
    const extended = await call(`/v1/referrals/${sara}/deadlines/pre-assessment/extend`, staffToken, "POST", {
      reason: "Polisförhör med barnet inväntas.",
      until: "2026-12-14",
    });
    expect(referralViewSchema.parse(await extended.json()).deadlines).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-23T23:00:00.000Z", state: "open" },
      {
        type: "pre-assessment",
        dueAt: "2026-12-14T23:00:00.000Z",
        state: "extended",
        extendedFrom: "2026-12-07T23:00:00.000Z",
      },
    ]);
  });

  it("answers a missing token 401, a missing scope 403 and another municipality 403 naming the field, as problem+json", async () => {
    const body = {
      kind: "concern",
      municipality: "1490",
      subject: { personalIdentityNumber: "20120510-1239" },
      reporter: { role: "school" },
    };
    expect(
      (await runtime.request("/v1/referrals", { method: "POST", headers: json, body: JSON.stringify(body) }))
        .status,
    ).toBe(401);
    expect((await call("/v1/referrals", staffToken, "POST", body)).status).toBe(403);
    const other = await call("/v1/referrals", school, "POST", body);
    expect(other.status).toBe(403);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect(problemSchema.parse(await other.json()).errors?.map((e) => e.path)).toEqual(["municipality"]);
  });
});
