/** Receiving a referral: the report's checks, its placement, and linking to the person's open case. */
import { describe, expect, it } from "vitest";
import {
  checkReport,
  type NewReferral,
  placeReferral,
  receiveReferral,
} from "../../../services/intake/domain/receipt";
import { visibleTo } from "../../../services/intake/domain/referral";
import { allowed, at, dataOf, emitted, identityOf, referral, refusal } from "./referral-fixture";

const NOW = at("2026-11-23T10:00:00+01:00");
const CHILD = identityOf("20120510", "123");
const PIN = "20120510-1239";

describe("checking a report", () => {
  const check = (
    overrides: { municipality?: string; personalIdentityNumber?: string; receivedAt?: string } = {},
    caller = {},
  ) => checkReport({ municipality: "0880", personalIdentityNumber: PIN, ...overrides }, caller, NOW);

  it("accepts a report received now or earlier, taking now when no date is given", () => {
    expect(allowed(check()).receivedAt).toEqual(NOW);
    expect(allowed(check({ receivedAt: "2026-11-23T10:00:00+01:00" })).identity.canonical).toBe(
      "201205101239",
    );
    expect(allowed(check({ receivedAt: "2026-11-20T08:00:00Z" })).receivedAt).toEqual(
      at("2026-11-20T08:00:00Z"),
    );
  });

  it("names every bad field at once, and echoes none of them", () => {
    const refused = check({
      receivedAt: "2026-11-23T10:00:01+01:00",
      municipality: "0000",
      personalIdentityNumber: "0000000000",
    });
    expect(refusal(refused)).toEqual({
      kind: "invalid",
      code: undefined,
      fields: ["receivedAt", "subject.personalIdentityNumber", "municipality"],
    });
    if (!refused.ok) expect(JSON.stringify(refused.error.fields)).not.toContain("0000000000");
  });

  it("refuses a wrong check digit", () => {
    expect(refusal(check({ personalIdentityNumber: "20120510-1238" })).fields).toEqual([
      "subject.personalIdentityNumber",
    ]);
  });

  it("lets a token bound to a municipality post for it alone; one without the claim posts for any", () => {
    expect(refusal(check({}, { municipality: "1490" }))).toEqual({
      kind: "forbidden",
      code: undefined,
      fields: ["municipality"],
    });
    expect(check({}, { municipality: "0880" }).ok).toBe(true);
    expect(check({ municipality: "1490" }).ok).toBe(true);
  });

  it("looks at bad fields before access", () => {
    expect(refusal(check({ municipality: "0000" }, { municipality: "0880" })).kind).toBe("invalid");
  });
});

describe("placing a referral", () => {
  const place = (
    kind: NewReferral["kind"],
    receivedAt: Date,
    financialAssistance = false,
    identity = CHILD,
  ) => placeReferral({ municipality: "0880", kind, identity, receivedAt, financialAssistance });

  it("routes by kind and the age on the Swedish date received, keeping only the group", () => {
    expect(place("concern", NOW)).toEqual({ unit: "mottag-barn", ageGroup: "13-17", child: true });
    const turns18 = identityOf("20081124", "234");
    // 00:30 on 24 November in Sweden, still 23 November in UTC: an adult.
    expect(place("police", at("2026-11-23T23:30:00Z"), false, turns18)).toEqual({
      unit: "utredning-unga-vuxna",
      ageGroup: "18-30",
      child: false,
    });
    expect(place("police", at("2026-11-23T22:59:00Z"), false, turns18).unit).toBe("mottag-barn");
    expect(place("hotline", NOW, true, identityOf("19860606", "456")).unit).toBe("ekonomiskt-bistand");
  });
});

describe("receiving", () => {
  const input: NewReferral = {
    id: "01KNEWREFERRAL000000000001",
    municipality: "0880",
    kind: "concern",
    receivedAt: NOW,
    subjectRef: "a".repeat(64),
    subjectSealed: "v1.kid.iv.sealed",
    firstOffence: false,
    financialAssistance: false,
    reporterRole: "school",
    summarySealed: "v1.kid.iv.summary",
  };
  const placement = { unit: "mottag-barn" as const, ageGroup: "13-17" as const, child: true };
  const receive = (open = {}, overrides: Partial<NewReferral> = {}) =>
    receiveReferral({ ...input, ...overrides }, placement, open, "skola-kalmar", NOW);

  it("opens the person's case in the unit, with the deadlines the rules give and one referral.received", () => {
    const t = receive();
    expect(t.referral).toMatchObject({
      status: "open",
      unit: "mottag-barn",
      version: 0,
      receivedAt: "2026-11-23T09:00:00.000Z",
    });
    expect(t.referral.deadlines.map((d) => d.type)).toEqual(["protection-assessment", "pre-assessment"]);
    expect(t.expectedVersion).toBeUndefined();
    expect(t.openCase).toEqual({ kind: "claim" });
    expect(emitted(t)).toEqual(["referral.received"]);
    expect(dataOf(t, "referral.received")).toMatchObject({
      subjectRef: "a".repeat(64),
      reporterRole: "school",
    });
    expect(JSON.stringify(t.events.map((e) => e.data))).not.toContain("v1.kid.iv");
    expect(t.audit).toEqual([{ referralId: input.id, action: "create", actor: "skola-kalmar", at: NOW }]);
  });

  it("links to the person's open case there: its caseworker, no case of its own, its own deadlines", () => {
    const open = referral({ id: "01KOPENCASE000000000000001", assignee: "cw-1" });
    const t = receive({ namedReferralId: open.id, referral: open });
    expect(t.referral).toMatchObject({ linkedReferralId: open.id, assignee: "cw-1" });
    expect(t.referral.deadlines).toHaveLength(2);
    expect(t.openCase).toBeUndefined();
    expect(t.caseload ?? []).toEqual([]);
    expect(dataOf(t, "referral.received")).toMatchObject({ linkedReferralId: open.id });
  });

  it("opens a case of its own when the case the row names has closed, replacing it on that condition", () => {
    const closed = referral({ id: "01KCLOSEDCASE0000000000001", status: "closed" });
    const t = receive({ namedReferralId: closed.id, referral: closed });
    expect(t.referral.linkedReferralId).toBeUndefined();
    expect(t.openCase).toEqual({ kind: "claim", replacing: closed.id });
  });

  it("claims its source, and a release referral gets the plan deadline from the release date", () => {
    const t = receiveReferral(
      {
        ...input,
        kind: "release",
        source: { type: "release-notice", id: "KV-2026-000125", purpose: "main" },
        releaseDate: "2027-04-15",
        sourceUpdatedAt: "2026-11-24T10:00:00.000Z",
      },
      { unit: "mottag-vuxen", ageGroup: "31+", child: false },
      {},
      "event:release-notices",
      NOW,
    );
    expect(t.claimsSource).toEqual({ type: "release-notice", id: "KV-2026-000125", purpose: "main" });
    expect(t.referral.source).toEqual({ type: "release-notice", id: "KV-2026-000125" });
    expect(t.referral.deadlines).toEqual([
      { type: "release-plan", dueAt: "2027-04-14T22:00:00.000Z", state: "open" },
    ]);
    expect(t.referral.sourceUpdatedAt).toBe("2026-11-24T10:00:00.000Z");
    expect(emitted(t)).toEqual(["referral.received"]);
  });
});

describe("who sees a referral", () => {
  it("shows the municipality's staff their own, and nobody else anything: not found, not forbidden", () => {
    expect(visibleTo(referral(), { municipality: "0880" }).ok).toBe(true);
    expect(refusal(visibleTo(referral(), { municipality: "1490" })).kind).toBe("not-found");
    expect(refusal(visibleTo(undefined, { municipality: "0880" })).kind).toBe("not-found");
  });
});
