/**
 * Settings each municipality keeps, through the real handlers against DynamoDB Local: the
 * administrator's routes (intake), and a municipality that agreed a four-month lead with
 * Kriminalvården getting `onTime` by its own rule (release-notices), while a change scheduled for
 * later changes nothing today.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { settingsHistorySchema, settingsViewSchema } from "../../../services/intake/contract-settings";
import { createDeps as createIntakeDeps } from "../../../services/intake/deps";
import { settingsAuditSubject } from "../../../services/intake/store/settings";
import { receiptSchema } from "../../../services/release-notices/contract";
import { createDeps as createNoticeDeps } from "../../../services/release-notices/deps";
import { queryAuditTrail } from "../../../shared/audit-read";
import { auditPartition } from "../../../shared/audit-trail";
import { problemSchema } from "../../../shared/http/problem";
import { DEFAULT_SETTINGS } from "../../../shared/settings";
import { provisionForTest } from "../../support/aws";
import { noticeBody, releaseNoticeHandlers } from "../../support/release-notices";
import { settingsAdmin, settingsHandlers } from "../../support/settings";

// 10:00 in Stockholm on 15 January 2026.
const NOW = new Date("2026-01-15T09:00:00Z");
const BOTKYRKA = "0127";
const KALMAR = "0880";
const UPPSALA = "0380";

let settings: ReturnType<typeof settingsHandlers>;
let notices: ReturnType<typeof releaseNoticeHandlers>;
let setClock: (at: Date) => void;
let intakeDeps: ReturnType<typeof createIntakeDeps>;

beforeAll(async () => {
  const resources = await provisionForTest(["intake", "release-notices"]);
  const intake = resources.testRuntime("intake");
  const releaseNotices = resources.testRuntime("release-notices");
  intake.clock.set(NOW);
  releaseNotices.clock.set(NOW);
  setClock = (at) => {
    intake.clock.set(at);
    releaseNotices.clock.set(at);
  };
  intakeDeps = createIntakeDeps(intake);
  settings = settingsHandlers(intakeDeps);
  notices = releaseNoticeHandlers(createNoticeDeps(releaseNotices));
});

const receipt = async (municipality: string, expectedReleaseDate: string) => {
  const answer = await notices.post(noticeBody({ municipality, expectedReleaseDate }));
  expect(answer.status).toBe(201);
  return receiptSchema.parse(answer.body);
};

describe("a municipality's administrator", () => {
  it("sees the defaults before anything is set", async () => {
    const answer = await settings.get("1280", settingsAdmin("1280"));
    expect(answer.status).toBe(200);
    expect(settingsViewSchema.parse(answer.body)).toEqual({
      municipality: "1280",
      today: "2026-01-15",
      inForce: { since: null, settings: DEFAULT_SETTINGS },
      scheduled: [],
    });
  });

  it("may not read or change another municipality's settings (403), and changes nothing trying", async () => {
    expect((await settings.get(BOTKYRKA, settingsAdmin(KALMAR))).status).toBe(403);
    expect((await settings.history(BOTKYRKA, settingsAdmin(KALMAR))).status).toBe(403);
    const put = await settings.put(
      BOTKYRKA,
      { effectiveFrom: "2026-01-15", releaseNoticeLeadMonths: 1 },
      settingsAdmin(KALMAR),
    );
    expect(put.status).toBe(403);
    expect(put.headers["content-type"]).toBe("application/problem+json");
    const staffWithoutScope = { sub: "cw-1", scope: "referrals:manage", municipality: BOTKYRKA };
    expect((await settings.get(BOTKYRKA, staffWithoutScope)).status).toBe(403);
    const history = settingsHistorySchema.parse(
      (await settings.history(BOTKYRKA, settingsAdmin(BOTKYRKA))).body,
    );
    expect(history.items).toEqual([]);
  });

  it("is told which rule a bad change breaks (400, 422), and nothing is kept", async () => {
    const low = await settings.put(
      "1280",
      { effectiveFrom: "2026-02-01", suppressionThreshold: 3 },
      settingsAdmin("1280"),
    );
    expect(low.status).toBe(400);
    expect(problemSchema().parse(low.body).errors).toEqual([
      { path: "suppressionThreshold", message: "must be at least 5: never below the national threshold" },
    ]);
    const past = await settings.put(
      "1280",
      { effectiveFrom: "2026-01-14", releaseNoticeLeadMonths: 4 },
      settingsAdmin("1280"),
    );
    expect(past.status).toBe(422);
    expect(problemSchema().parse(past.body).errors).toEqual([
      { path: "effectiveFrom", message: "must be today (2026-01-15) or later" },
    ]);
    const history = settingsHistorySchema.parse((await settings.history("1280", settingsAdmin("1280"))).body);
    expect(history.items).toEqual([]);
  });
});

describe("the release-notice lead agreed with Kriminalvården", () => {
  it("a four-month lead makes a notice 3.5 months ahead late for that municipality, on time for the default", async () => {
    const put = await settings.put(
      BOTKYRKA,
      { effectiveFrom: "2026-01-15", releaseNoticeLeadMonths: 4 },
      settingsAdmin(BOTKYRKA, "botkyrka-admin"),
    );
    expect(put.status).toBe(200);
    const view = settingsViewSchema.parse(put.body);
    expect(view.inForce).toEqual({
      since: "2026-01-15",
      settings: { ...DEFAULT_SETTINGS, releaseNoticeLeadMonths: 4 },
    });

    // 15 January to 30 April: three and a half months.
    expect((await receipt(BOTKYRKA, "2026-04-30")).onTime).toBe(false);
    expect((await receipt(KALMAR, "2026-04-30")).onTime).toBe(true);
    // Four months and a day ahead is on time by Botkyrka's own rule.
    expect((await receipt(BOTKYRKA, "2026-05-16")).onTime).toBe(true);
  });

  it("a change from a later date changes nothing today, takes effect on its date, and is kept in the history", async () => {
    // A municipality no rule has read yet: a running function keeps what it read for a minute.
    const put = await settings.put(
      UPPSALA,
      { effectiveFrom: "2026-02-01", releaseNoticeLeadMonths: 6 },
      settingsAdmin(UPPSALA, "uppsala-admin"),
    );
    expect(put.status).toBe(200);
    const view = settingsViewSchema.parse(put.body);
    expect(view.inForce.settings.releaseNoticeLeadMonths).toBe(3);
    expect(view.scheduled.map((c) => [c.effectiveFrom, c.settings.releaseNoticeLeadMonths])).toEqual([
      ["2026-02-01", 6],
    ]);
    // The same change again is no new change.
    const again = await settings.put(
      UPPSALA,
      { effectiveFrom: "2026-02-01", releaseNoticeLeadMonths: 6 },
      settingsAdmin(UPPSALA, "uppsala-admin"),
    );
    expect(again.status).toBe(200);

    expect((await receipt(UPPSALA, "2026-05-01")).onTime).toBe(true);

    setClock(new Date("2026-02-02T09:00:00Z"));
    expect((await receipt(UPPSALA, "2026-07-01")).onTime).toBe(false);
    expect((await receipt(UPPSALA, "2026-08-03")).onTime).toBe(true);

    const history = settingsHistorySchema.parse(
      (await settings.history(UPPSALA, settingsAdmin(UPPSALA))).body,
    );
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      effectiveFrom: "2026-02-01",
      chosen: { releaseNoticeLeadMonths: 6 },
      changedBy: "uppsala-admin",
      changedAt: "2026-01-15T09:00:00.000Z",
    });
    // One audit row, in the append-only audit table, kept as long as the history (no expiry).
    const trail = await queryAuditTrail(intakeDeps, auditPartition("intake", settingsAuditSubject(UPPSALA)), {
      limit: 10,
      startKey: undefined,
    });
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]).toMatchObject({ action: "settings-change", actor: "uppsala-admin" });
    expect(trail.items[0]?.expiresAt).toBeUndefined();
    const now = settingsViewSchema.parse((await settings.get(UPPSALA, settingsAdmin(UPPSALA))).body);
    expect(now).toMatchObject({ today: "2026-02-02", inForce: { since: "2026-02-01" }, scheduled: [] });
    setClock(NOW);
  });
});
