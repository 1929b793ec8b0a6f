/**
 * Receiving a referral: its placement by (approximate) age, its deadlines by kind, and linking to
 * the person's open case (joining an investigation under way), or not, for a person not identified.
 */
import { describe, expect, it } from "vitest";
import { ageOnReceipt } from "../../../services/intake/domain/age";
import { type NewReferral, placeReferral, receiveReferral } from "../../../services/intake/domain/receipt";
import { visibleTo } from "../../../services/intake/domain/referral";
import { ageOfSubject } from "../../../services/intake/domain/subject";
import { at, dataOf, emitted, identityOf, referral, refusal } from "./referral-fixture";

const NOW = at("2026-11-23T10:00:00+01:00");
const CHILD = identityOf("20120510", "123");

describe("placing a referral", () => {
  const place = (
    kind: NewReferral["kind"],
    receivedAt: Date,
    financialAssistance = false,
    identity = CHILD,
  ) =>
    placeReferral({
      municipality: "0880",
      kind,
      age: ageOnReceipt(identity, receivedAt),
      financialAssistance,
    });

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
    // A child who calls is a child: a financial-assistance referral too goes to Mottag barn.
    expect(place("hotline", NOW, true)).toEqual({ unit: "mottag-barn", ageGroup: "13-17", child: true });
  });

  it("routes a person named without a number by the birth date given, or the approximate age as given", () => {
    const born = (birthDate: string) => ageOfSubject({ kind: "born", name: "Ali", birthDate }, NOW);
    expect(born("2008-11-23")).toBe(18);
    expect(born("2008-11-24")).toBe(17);
    // 29 February: a year older on 1 March in a common year.
    expect(
      ageOfSubject({ kind: "born", name: "Ali", birthDate: "2012-02-29" }, at("2027-02-28T12:00:00Z")),
    ).toBe(14);
    expect(
      ageOfSubject({ kind: "born", name: "Ali", birthDate: "2012-02-29" }, at("2027-03-01T12:00:00Z")),
    ).toBe(15);
    expect(ageOfSubject({ kind: "approximate", name: "Sara", approximateAge: 17 }, NOW)).toBe(17);
    const approx = (approximateAge: number) =>
      placeReferral({
        municipality: "0880",
        kind: "concern",
        age: approximateAge,
        financialAssistance: false,
      });
    expect(approx(17)).toEqual({ unit: "mottag-barn", ageGroup: "13-17", child: true });
    expect(approx(18)).toEqual({ unit: "mottag-vuxen", ageGroup: "18-30", child: false });
    expect(approx(0).ageGroup).toBe("0-5");
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

  it("adds a child's report to an investigation under way: its protection assessment, no förhandsbedömning", () => {
    const open = referral({ id: "01KOPENCASE000000000000002", status: "investigating" });
    const t = receive({ namedReferralId: open.id, referral: open });
    expect(t.referral).toMatchObject({ linkedReferralId: open.id, joinedInvestigation: true });
    expect(t.referral.deadlines.map((d) => d.type)).toEqual(["protection-assessment"]);
    expect(t.linkRow).toEqual({
      openReferralId: open.id,
      referralId: input.id,
      kind: "concern",
      receivedAt: "2026-11-23T09:00:00.000Z",
    });
    // An adult's report linked to an investigation keeps what it has (none): nothing to join.
    const adult = receiveReferral(
      input,
      { unit: "mottag-vuxen", ageGroup: "31+", child: false },
      { namedReferralId: open.id, referral: open },
      "x",
      NOW,
    );
    expect(adult.referral.joinedInvestigation).toBeUndefined();
  });

  it("opens an application's investigation at once: a child's four months from receipt, no förhandsbedömning, no skyddsbedömning", () => {
    const t = receive({}, { kind: "application" });
    expect(t.referral.status).toBe("investigating");
    // 23 November 2026 + 4 months = 23 March 2027, a Tuesday.
    expect(t.referral.deadlines).toEqual([
      { type: "investigation", dueAt: "2027-03-23T23:00:00.000Z", state: "open" },
    ]);
    const adult = receiveReferral(
      { ...input, kind: "application" },
      { unit: "mottag-vuxen", ageGroup: "31+", child: false },
      {},
      "x",
      NOW,
    );
    expect(adult.referral).toMatchObject({ status: "investigating", deadlines: [] });
  });

  it("gives a report of suspected violence by someone close a protection assessment due the same day", () => {
    const t = receive({}, { closeRelativeViolence: { at: NOW.toISOString(), by: "skola-kalmar" } });
    expect(t.referral.deadlines).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-23T23:00:00.000Z", state: "open" },
      { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
    ]);
  });

  it("links a person not identified to nobody, and says so in referral.received", () => {
    const open = referral({ id: "01KOPENCASE000000000000003" });
    const { subjectSealed: _s, ...unidentified } = input;
    const t = receiveReferral(
      { ...unidentified, unidentifiedSealed: "v1.kid.iv.name", groupId: "01KGROUP00000000000000001" },
      placement,
      { namedReferralId: open.id, referral: open },
      "skola-kalmar",
      NOW,
    );
    expect(t.referral).toMatchObject({ identity: "unknown", groupId: "01KGROUP00000000000000001" });
    expect(t.referral.linkedReferralId).toBeUndefined();
    expect(t.openCase).toBeUndefined();
    expect(t.referral.deadlines.map((d) => d.type)).toEqual(["protection-assessment", "pre-assessment"]);
    expect(dataOf(t, "referral.received")).toMatchObject({
      identity: "unknown",
      groupId: "01KGROUP00000000000000001",
    });
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
