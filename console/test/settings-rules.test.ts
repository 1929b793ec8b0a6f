/**
 * The settings page checks a change as the API does, without the API's schema in the bundle: these
 * tests hold its generated limits, its check and its resolver to the schema and resolver the
 * services use.
 */
import { describe, expect, it } from "vitest";
import { putSettingsBodySchema } from "../../services/intake/contract-settings";
import { ruleMessage } from "../../shared/http/messages";
import { type SettingsChange, settingsInForce } from "../../shared/settings";
import { deriveSettingsRules } from "../settings-rules";
import { fieldMessage } from "../src/api/problem";
import { changesBetween, checkDraft, draftOf } from "../src/settings/draft";
import { type BodyCandidate, checkBody, settingsBefore } from "../src/settings/rules";
import * as generated from "../src/settings/rules.generated";
import type { ChangeView } from "../src/settings/types";

const REGENERATE = "shared/settings changed: run `npm run console:api` and commit";

/** The API's answer to a body: the fields at fault, each rule once, in any order. */
const apiFields = (body: unknown) => {
  const parsed = putSettingsBodySchema.safeParse(body, { error: ruleMessage });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const consoleFields = (body: BodyCandidate) => {
  const checked = checkBody(body);
  return checked.ok ? [] : checked.fields.map((f) => `${f.path}: ${f.message}`);
};
const asSet = (list: readonly string[]) => [...new Set(list)].sort();

describe("the settings page's rules", () => {
  it("are the schema's own limits, defaults and lists", () => {
    expect({ ...generated }, REGENERATE).toEqual(deriveSettingsRules());
  });

  const bodies: readonly BodyCandidate[] = [
    { effectiveFrom: "2027-03-01", releaseNoticeLeadMonths: 4 },
    { effectiveFrom: "2027-03-01", firstOffenceConversationHours: null, adultInvestigationTargetDays: 30 },
    { effectiveFrom: "", releaseNoticeLeadMonths: 0 },
    { effectiveFrom: "2027-02-30", releaseNoticeLeadMonths: 13, suppressionThreshold: 4 },
    { effectiveFrom: "2027-03-01", releaseNoticeLeadMonths: 0.5, suppressionThreshold: 2.5 },
    {
      effectiveFrom: "2027-03-01",
      firstOffenceConversationHours: Number.NaN,
      adultInvestigationTargetDays: 366,
    },
    { effectiveFrom: "2027-03-01", hotline: { acknowledgeMinutes: 0 } },
    { effectiveFrom: "2027-03-01", hotline: { acknowledgeMinutes: 20, escalateMinutes: 1441 } },
    {
      effectiveFrom: "2027-03-01",
      routing: [
        { unit: "mottag-vuxen", kinds: ["police"], minAge: 18, maxAge: 24 },
        { unit: "mottag-vuxen", minAge: 12.5 },
        { minAge: 5, maxAge: 3 },
        { unit: "utredning-unga-vuxna", kinds: [], minAge: 20, maxAge: 19 },
        { unit: "mottag-vuxen", minAge: 200, maxAge: 12 },
        { unit: "mottag-vuxen" },
        { unit: "mottag-barn", maxAge: 17 },
      ],
    },
    {
      effectiveFrom: "2027-03-01",
      routing: Array.from({ length: 51 }, () => ({ unit: "mottag-barn" as const })),
    },
  ];

  it.each(bodies.map((body, i) => [i, body] as const))("finds what the API finds in body %i", (_, body) => {
    expect(asSet(consoleFields(body))).toEqual(asSet(apiFields(body)));
  });

  it("resolves a history as the services do, and what each change replaced", () => {
    const view = (effectiveFrom: string, changedAt: string, chosen: ChangeView["chosen"]): ChangeView => ({
      effectiveFrom,
      chosen,
      settings: { ...generated.DEFAULT_SETTINGS, ...chosen },
      changedBy: "kommun-admin",
      changedAt,
    });
    const history = [
      view("2027-01-01", "2026-12-01T10:00:00.000Z", { releaseNoticeLeadMonths: 4 }),
      view("2027-03-01", "2026-12-02T10:00:00.000Z", { releaseNoticeLeadMonths: 6 }),
      view("2027-02-01", "2026-12-03T10:00:00.000Z", { suppressionThreshold: 7 }),
      view("2027-02-01", "2026-12-03T10:00:00.000Z", { suppressionThreshold: 8 }),
    ];
    const asChanges: SettingsChange[] = history.map((c) => ({
      municipality: "0880",
      effectiveFrom: c.effectiveFrom,
      settings: c.chosen,
      changedBy: c.changedBy,
      changedAt: c.changedAt,
    }));
    for (const date of ["2026-12-31", "2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"]) {
      expect(settingsBefore(history, date), date).toEqual(settingsInForce(asChanges, date));
    }
    // The third change replaced the second before it began: from 1 March, the lead is 3 again.
    expect(settingsBefore(history, "2027-03-01").releaseNoticeLeadMonths).toBe(3);
    expect(settingsBefore(history, "2027-03-01", "2026-12-03T10:00:00.000Z").releaseNoticeLeadMonths).toBe(6);
  });
});

describe("a change made in the form", () => {
  const base = draftOf(generated.DEFAULT_SETTINGS, "2027-03-01");

  it("sends what differs from the defaults, and says what it changes", () => {
    const checked = checkDraft({ ...base, releaseNoticeLeadMonths: "4", firstOffenceConversationHours: "" });
    expect(checked.ok && checked.body).toEqual({
      effectiveFrom: "2027-03-01",
      firstOffenceConversationHours: null,
      releaseNoticeLeadMonths: 4,
    });
    expect(checked.settings && changesBetween(generated.DEFAULT_SETTINGS, checked.settings)).toEqual([
      { key: "firstOffenceConversationHours", from: 48, to: null },
      { key: "releaseNoticeLeadMonths", from: 3, to: 4 },
    ]);
  });

  it("names each field at fault on the API's path, a required one left empty among them", () => {
    const checked = checkDraft({ ...base, releaseNoticeLeadMonths: "fyra", acknowledgeMinutes: " " });
    const fields = checked.ok ? [] : [...checked.fields].sort((a, b) => a.path.localeCompare(b.path));
    expect(fields).toEqual([
      { path: "hotline.acknowledgeMinutes", message: "is required" },
      { path: "releaseNoticeLeadMonths", message: "must be a number" },
    ]);
  });
});

describe("the settings' own rules, in Swedish", () => {
  it.each([
    ["must be today (2027-01-15) or later", "måste vara i dag (2027-01-15) eller senare"],
    [
      "must be at least 5: never below the national threshold",
      "måste vara minst 5, aldrig under den nationella gränsen",
    ],
    [
      "must be at least 18 for a unit other than mottag-barn: a child's referral always goes to Mottag barn",
      "måste vara minst 18 för en annan enhet än Mottag barn: ett barns ärende går alltid till Mottag barn",
    ],
    ["must be at least minAge", "måste vara minst lika med Från ålder"],
    ["must have at most 50 items", "får vara högst 50"],
  ])("%s", (message, swedish) => {
    expect(fieldMessage({ path: "x", message })).toBe(swedish);
  });
});
