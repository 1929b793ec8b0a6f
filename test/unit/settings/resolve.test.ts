import { describe, expect, it } from "vitest";
import {
  cachedSettingsReader,
  DEFAULT_SETTINGS,
  type SettingsChange,
  scheduledAfter,
  settingsInForce,
  settingsSchemas,
} from "../../../shared/settings";

const change = (
  effectiveFrom: string,
  changedAt: string,
  settings: SettingsChange["settings"],
): SettingsChange => ({ municipality: "0127", effectiveFrom, changedAt, changedBy: "admin", settings });

describe("the settings in force on a date", () => {
  it("are the defaults when the municipality never changed anything", () => {
    expect(settingsInForce([], "2026-11-29")).toEqual(DEFAULT_SETTINGS);
  });

  it("take effect on effectiveFrom, not before, and fields left out keep their defaults", () => {
    const history = [change("2026-12-01", "2026-11-20T10:00:00Z", { releaseNoticeLeadMonths: 4 })];
    expect(settingsInForce(history, "2026-11-30").releaseNoticeLeadMonths).toBe(3);
    const inForce = settingsInForce(history, "2026-12-01");
    expect(inForce.releaseNoticeLeadMonths).toBe(4);
    expect(inForce.hotline).toEqual(DEFAULT_SETTINGS.hotline);
    expect(inForce.firstOffenceConversationHours).toBe(48);
  });

  it("a change replaces the settings from its date on, also a change scheduled later but made before it", () => {
    const history = [
      change("2027-01-01", "2026-11-01T00:00:00Z", { releaseNoticeLeadMonths: 4 }),
      change("2027-03-01", "2026-11-02T00:00:00Z", { releaseNoticeLeadMonths: 6 }),
      // Made last, from February on: the March change is replaced, and the lead of 4 is left out.
      change("2027-02-01", "2026-11-03T00:00:00Z", { adultInvestigationTargetDays: 60 }),
    ];
    expect(settingsInForce(history, "2027-01-15").releaseNoticeLeadMonths).toBe(4);
    expect(settingsInForce(history, "2027-02-01")).toMatchObject({
      releaseNoticeLeadMonths: 3,
      adultInvestigationTargetDays: 60,
    });
    expect(settingsInForce(history, "2027-06-01").releaseNoticeLeadMonths).toBe(3);
  });

  it("lists as scheduled only the changes still to take effect", () => {
    const history = [
      change("2026-11-01", "2026-10-01T00:00:00Z", { releaseNoticeLeadMonths: 4 }),
      change("2027-03-01", "2026-11-02T00:00:00Z", { releaseNoticeLeadMonths: 6 }),
      change("2027-01-01", "2026-11-03T00:00:00Z", { releaseNoticeLeadMonths: 5 }),
      change("2027-05-01", "2026-11-04T00:00:00Z", { releaseNoticeLeadMonths: 2 }),
    ];
    expect(scheduledAfter(history, "2026-11-29").map((c) => c.effectiveFrom)).toEqual([
      "2027-01-01",
      "2027-05-01",
    ]);
  });
});

describe("what a municipality may choose", () => {
  const issues = (body: unknown) =>
    settingsSchemas()
      .chosen.safeParse(body)
      .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

  it("never a suppression threshold below the national one", () => {
    expect(issues({ suppressionThreshold: 4 })).toEqual([
      "suppressionThreshold: must be at least 5: never below the national threshold",
    ]);
    expect(issues({ suppressionThreshold: 8 })).toEqual([]);
  });

  it("no routing override that takes a child away from Mottag barn", () => {
    expect(issues({ routing: [{ unit: "mottag-vuxen", kinds: ["police"], minAge: 16 }] })).toEqual([
      "routing.0.minAge: must be at least 18 for a unit other than mottag-barn: a child's referral always goes to Mottag barn",
    ]);
    expect(
      issues({ routing: [{ unit: "mottag-vuxen", kinds: ["police"], minAge: 18, maxAge: 25 }] }),
    ).toEqual([]);
  });

  it("null for the conversation (not offered) and for the adult target (none); no unknown fields", () => {
    expect(issues({ firstOffenceConversationHours: null, adultInvestigationTargetDays: null })).toEqual([]);
    expect(issues({ leadMonths: 4 })).toHaveLength(1);
  });
});

describe("the container's cache", () => {
  it("reads a municipality's history once a minute and resolves each date asked", async () => {
    let reads = 0;
    let time = 0;
    const reader = cachedSettingsReader(
      async () => {
        reads += 1;
        return [change("2027-01-01", "2026-11-01T00:00:00Z", { releaseNoticeLeadMonths: 4 })];
      },
      { now: () => time },
    );
    expect((await reader.settingsOn("0127", "2026-12-31")).releaseNoticeLeadMonths).toBe(3);
    expect((await reader.settingsOn("0127", "2027-01-01")).releaseNoticeLeadMonths).toBe(4);
    expect(reads).toBe(1);
    time = 60_000;
    await reader.settingsOn("0127", "2027-01-01");
    expect(reads).toBe(2);
  });
});
