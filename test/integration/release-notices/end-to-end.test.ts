/**
 * The README's walk-through through the local runtime: real HTTP, real JWT verification, the real
 * handlers, DynamoDB Local and fauxqs. Kriminalvården posts, retries, reads the status and
 * withdraws; staff list and work a notice; moving the clock and ticking sends the reminder.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO_ROOT } from "../../../infra/local/paths";
import { parseEvent } from "../../../shared/events/parse";
import { provisionForTest, receiveJson } from "../../support/aws";
import { CONTACT, PERSON, personalStrings } from "../../support/release-notices";
import { startRuntimeForTest, type TestRuntime } from "../../support/runtime";

const json = { "content-type": "application/json" };
const NOTICE = {
  noticeId: "KV-2026-000123",
  municipality: "0880",
  person: { personalIdentityNumber: "19900101-0017" },
  institution: "Anstalten Kumla",
  expectedReleaseDate: "2027-04-15",
  releaseType: "conditional",
  needs: ["housing", "employment"],
  contact: { ...CONTACT },
};
const receiptSchema = z.strictObject({
  id: z.string(),
  noticeId: z.string(),
  status: z.string(),
  leadDays: z.number(),
  onTime: z.boolean(),
  planDueDate: z.string(),
});
const problemSchema = z.object({ type: z.string(), title: z.string(), status: z.number() });

let runtime: TestRuntime;
let kv: string;
let staffToken: string;
beforeAll(async () => {
  runtime = await startRuntimeForTest({ resources: await provisionForTest(["release-notices"]) });
  kv = await runtime.token({ scope: "release-notices:write national", sub: "kriminalvarden" });
  staffToken = await runtime.token({
    scope: "release-notices:read release-notices:manage",
    municipality: "0880",
    sub: "handlaggare-1",
  });
  // The README's dates assume a day before 15 Jan 2027; its lead time (143 days) is from 23 Nov 2026.
  const pinned = await runtime.request("/_local/clock", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ now: "2026-11-23T10:00:00+01:00" }),
  });
  expect(pinned.status).toBe(200);
});
afterAll(() => runtime?.stop());

const post = (body: unknown, token?: string) =>
  runtime.request("/v1/release-notices", {
    method: "POST",
    headers: json,
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await response.json());
};

describe("Kriminalvården's walk-through", () => {
  it("post, retry, status, withdraw", async () => {
    const first = await post(NOTICE, kv);
    expect(first.status).toBe(201);
    const receipt = receiptSchema.parse(await first.json());
    expect(receipt).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
      noticeId: "KV-2026-000123",
      status: "received",
      leadDays: 143,
      onTime: true,
      planDueDate: "2027-04-15",
    });

    const again = await post(NOTICE, kv);
    expect(again.status).toBe(200);
    expect(receiptSchema.parse(await again.json())).toEqual(receipt);

    const status = await runtime.request("/v1/release-notices/KV-2026-000123", { token: kv });
    expect(status.status).toBe(200);
    const statusText = await status.text();
    expect(JSON.parse(statusText)).toEqual({
      ...receipt,
      municipality: "0880",
      expectedReleaseDate: "2027-04-15",
      updatedAt: "2026-11-23T09:00:00.000Z",
    });
    for (const secret of personalStrings()) expect(statusText).not.toContain(secret);

    const withdraw = () =>
      runtime.request("/v1/release-notices/KV-2026-000123/withdraw", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ reason: "sentence-changed" }),
        token: kv,
      });
    const withdrawn = await withdraw();
    expect(withdrawn.status).toBe(200);
    expect(receiptSchema.parse(await withdrawn.json())).toEqual({ ...receipt, status: "withdrawn" });
    expect((await withdraw()).status).toBe(200);

    const after = await runtime.request("/v1/release-notices/KV-2026-000123", { token: kv });
    expect(z.object({ status: z.string() }).parse(await after.json()).status).toBe("withdrawn");

    // One event of each kind reached intake, whatever the retries.
    const intake = (await receiveJson(runtime.resources.queueUrls.intake ?? "")).map(parseEvent);
    const types = intake.flatMap((p) =>
      p.ok && (p.event.data as { noticeId?: string }).noticeId === "KV-2026-000123" ? [p.event.type] : [],
    );
    expect(types.sort()).toEqual(["release-notice.received", "release-notice.withdrawn"]);
  });

  it("answers 401 without a token, or with one the server did not issue", async () => {
    const none = await post({ ...NOTICE, noticeId: "KV-2026-401" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await problemOf(none);
    const stranger = await runtime.token({
      scope: "release-notices:write national",
      issuer: "https://stranger.invalid/",
    });
    expect((await post({ ...NOTICE, noticeId: "KV-2026-401" }, stranger)).status).toBe(401);
    const garbage = await post({ ...NOTICE, noticeId: "KV-2026-401" }, "not.a.jwt");
    expect(garbage.status).toBe(401);
    // Nothing was written: the id is still free.
    expect((await runtime.request("/v1/release-notices/KV-2026-401", { token: kv })).status).toBe(404);
  });

  it("answers 403 for a token without the scope the route needs", async () => {
    const wrong = await runtime.token({ scope: "release-notices:read", municipality: "0880" });
    const answer = await post({ ...NOTICE, noticeId: "KV-2026-403" }, wrong);
    expect(answer.status).toBe(403);
    await problemOf(answer);
    expect((await runtime.request("/v1/release-notices", { token: kv })).status).toBe(403);
    const planByKv = await runtime.request("/v1/release-notices/KV-2026-000123/plan", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ milestone: "plan-ready" }),
      token: kv,
    });
    expect(planByKv.status).toBe(403);
  });

  it("answers a bad notice with 400 problem+json naming the field and echoing nothing", async () => {
    const answer = await post(
      { ...NOTICE, noticeId: "KV-2026-400", person: { personalIdentityNumber: "19900101-0018" } },
      kv,
    );
    expect(answer.status).toBe(400);
    const text = await answer.text();
    expect(text).toContain("person.personalIdentityNumber");
    expect(text).not.toContain("0018");
  });
});

describe("the municipality's staff", () => {
  it("list, read in full, record contact; a moved clock and a tick send the 7-day reminder", async () => {
    const notice = { ...NOTICE, noticeId: "KV-2026-000124" };
    expect((await post(notice, kv)).status).toBe(201);

    const list = await runtime.request("/v1/release-notices?status=received", { token: staffToken });
    expect(list.status).toBe(200);
    const items = z
      .object({ items: z.array(z.object({ noticeId: z.string() })) })
      .parse(await list.json()).items;
    expect(items.map((i) => i.noticeId)).toEqual(["KV-2026-000124"]);

    const full = await runtime.request("/v1/release-notices/KV-2026-000124", { token: staffToken });
    expect(full.status).toBe(200);
    expect(await full.json()).toMatchObject({
      person: { personalIdentityNumber: PERSON.canonical },
      contact: CONTACT,
      planDeadline: { dueDate: "2027-04-15", state: "open" },
    });

    const contact = await runtime.request("/v1/release-notices/KV-2026-000124/plan", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ milestone: "contact-made" }),
      token: staffToken,
    });
    expect(contact.status).toBe(200);
    expect(await contact.json()).toMatchObject({ status: "planning" });

    await receiveJson(runtime.resources.queueUrls["pilot-reports"] ?? "");
    const moved = await runtime.request("/_local/clock", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ now: "2027-04-09T08:00:00+02:00" }),
    });
    expect(moved.status).toBe(200);
    expect((await runtime.request("/_local/tick", { method: "POST", headers: json })).status).toBe(200);

    const reports = (await receiveJson(runtime.resources.queueUrls["pilot-reports"] ?? "")).map(parseEvent);
    const reminders = reports.flatMap((p) =>
      p.ok && p.event.type === "release-plan.reminder" ? [p.event.data] : [],
    );
    expect(reminders).toEqual([
      { noticeId: "KV-2026-000124", daysBeforeRelease: 7, planDueDate: "2027-04-15" },
    ]);
    const view = await runtime.request("/v1/release-notices/KV-2026-000124", { token: staffToken });
    expect(await view.json()).toMatchObject({ planDeadline: { state: "open", remindersSent: [7] } });
  });

  it("move the clock and tick exactly as the READMEs' curl commands do", async () => {
    // The walk-through lives in the service's README; the top README may still show it too.
    const readmes = ["README.md", "services/release-notices/README.md"].map((path) =>
      readFileSync(join(REPO_ROOT, path), "utf8"),
    );
    // Sections that name the base URL `$B` say so; the commands are the same.
    const lines = readmes.flatMap((readme) => readme.split("\n"));
    const commands = [
      ...new Set(
        lines
          .map((line) => line.replaceAll("$B", "http://127.0.0.1:3000"))
          .filter((line) => /^curl .*\/_local\/(clock|tick)/.test(line)),
      ),
    ];
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const command of commands) {
      const path = /http:\/\/127\.0\.0\.1:3000(\/_local\/\w+)/.exec(command)?.[1] ?? "";
      const headers = Object.fromEntries(
        [...command.matchAll(/-H '([^:']+):\s*([^']*)'/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
      );
      const body = /-d '([^']*)'/.exec(command)?.[1];
      const method = /-X (\w+)/.exec(command)?.[1] ?? (body === undefined ? "GET" : "POST");
      const response = await runtime.request(path, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      expect(response.status, command).toBe(200);
    }
  });
});
