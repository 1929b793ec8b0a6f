/** Gallring: each record kind's expiry date from the event its rule counts from. Pure, no servers. */
import { describe, expect, it } from "vitest";
import { newCall, triageOfCall } from "../../services/hotline/domain/call";
import { callExpiresAt, triageExpiresAt } from "../../services/hotline/domain/retention";
import { changed } from "../../services/hotline/domain/triage-state";
import { identifyReferral } from "../../services/intake/domain/identification";
import {
  RETENTION,
  referralAuditExpiry,
  referralExpiry,
  referralRule,
} from "../../services/intake/domain/retention";
import { noticeAuditExpiry, noticeExpiry } from "../../services/release-notices/domain/retention";
import { auditExpiry, epochSecondsOf, expiryAfter, keptForResearch } from "../../shared/retention";
import { referral } from "./intake/referral-fixture";

const at = (iso: string) => new Date(iso);

describe("the period's end", () => {
  it("is the start of the Swedish day after the anniversary, in winter and in summer time", () => {
    // Last entry 23 November 2026 at 10:00 Swedish time: deletable from 24 November 2031, 00:00 CET.
    expect(expiryAfter(at("2026-11-23T09:00:00Z"), { years: 5 }).toISOString()).toBe(
      "2031-11-23T23:00:00.000Z",
    );
    // 30 June 2025, 23:30 in Sweden is already 30 June there (21:30 UTC): from 1 July 2030, 00:00 CEST.
    expect(expiryAfter(at("2025-06-30T21:30:00Z"), { years: 5 }).toISOString()).toBe(
      "2030-06-30T22:00:00.000Z",
    );
  });

  it("counts a leap day's anniversary from the last day of February", () => {
    expect(expiryAfter("2028-02-29", { years: 5 }).toISOString()).toBe("2033-02-28T23:00:00.000Z");
  });

  it("counts days as calendar days", () => {
    expect(expiryAfter("2026-11-23", { days: 365 }).toISOString()).toBe("2027-11-23T23:00:00.000Z");
  });
});

describe("the research exception (SoL 12 kap. 2 §, SoF 7 kap. 2 §)", () => {
  it("keeps people born on the 5th, 15th and 25th, and nobody born on another day", () => {
    for (const day of ["05", "15", "25"]) expect(keptForResearch("0880", `1990-03-${day}`)).toBe(true);
    for (const day of ["04", "06", "14", "16", "24", "26", "31"])
      expect(keptForResearch("0880", `1990-03-${day}`)).toBe(false);
  });

  it("keeps everyone in Östergötland, Gotland, Västernorrland and Göteborg, identified or not", () => {
    for (const municipality of ["0580", "0980", "2281", "1480"]) {
      expect(keptForResearch(municipality, "1990-03-04")).toBe(true);
      expect(keptForResearch(municipality, undefined)).toBe(true);
    }
    expect(keptForResearch("1481", undefined)).toBe(false);
  });
});

describe("intake: a referral", () => {
  it("expires five years after its last entry, and a new entry moves it", () => {
    const first = referral({ updatedAt: "2026-11-23T09:00:00.000Z" });
    expect(referralExpiry(first)?.toISOString()).toBe("2031-11-23T23:00:00.000Z");
    const later = referral({ updatedAt: "2027-02-10T09:00:00.000Z" });
    expect(referralExpiry(later)?.toISOString()).toBe("2032-02-10T23:00:00.000Z");
  });

  it("falls under the pre-assessment rule when it closed without an investigation", () => {
    const closed = referral({
      status: "closed",
      decision: { at: "2026-11-30T09:00:00.000Z", by: "cw-1", openInvestigation: false, reasonSealed: "x" },
      closure: { at: "2026-11-30T09:00:00.000Z", by: "cw-1", reason: "no-investigation" },
      updatedAt: "2026-11-30T09:00:00.000Z",
    });
    expect(referralRule(closed)).toBe(RETENTION.preAssessmentWithoutInvestigation);
    expect(referralRule(referral())).toBe(RETENTION.referral);
    expect(referralExpiry(closed)?.toISOString()).toBe("2031-11-30T23:00:00.000Z");
  });

  it("never expires when kept for research, nor does its audit trail", () => {
    expect(referralExpiry(referral({ keptForResearch: true }))).toBeUndefined();
    expect(referralExpiry(referral({ municipality: "1480" }))).toBeUndefined();
    expect(referralAuditExpiry(referral({ keptForResearch: true }))).toBeUndefined();
  });

  it("marks a referral kept for research when the person identified was born on the 15th", () => {
    const unknown = referral({ identity: "unknown" });
    const person = (birthDate: string) => ({
      subjectRef: "b".repeat(64),
      subjectSealed: "v1.k.iv.s",
      birthDate,
    });
    const kept = identifyReferral(unknown, person("2011-04-15"), {}, "cw-1", at("2026-11-24T09:00:00Z"));
    const notKept = identifyReferral(unknown, person("2011-04-16"), {}, "cw-1", at("2026-11-24T09:00:00Z"));
    if (!kept.ok || !notKept.ok) throw new Error("identification was refused");
    expect(kept.value.referral.keptForResearch).toBe(true);
    expect(notKept.value.referral.keptForResearch).toBeUndefined();
  });

  it("keeps its audit rows two years beyond the referral", () => {
    expect(referralAuditExpiry(referral())?.toISOString()).toBe("2033-11-24T23:00:00.000Z");
  });
});

describe("release-notices: a notice", () => {
  it("expires a year after the release, or after its last change when that is later", () => {
    expect(
      noticeExpiry({ expectedReleaseDate: "2027-03-01", updatedAt: "2026-12-01T10:00:00Z" }).toISOString(),
    ).toBe("2028-02-28T23:00:00.000Z");
    expect(
      noticeExpiry({ expectedReleaseDate: "2027-03-01", updatedAt: "2027-09-01T10:00:00Z" }).toISOString(),
    ).toBe("2028-08-31T22:00:00.000Z");
  });

  it("keeps its audit rows beyond it", () => {
    const notice = { expectedReleaseDate: "2027-03-01", updatedAt: "2026-12-01T10:00:00Z" };
    expect(noticeAuditExpiry(notice)?.getTime()).toBeGreaterThan(noticeExpiry(notice).getTime());
  });
});

describe("hotline: a call and its triage", () => {
  const now = at("2026-11-23T21:15:00Z");
  const call = newCall({ callId: "c-1", municipality: "0880", triageId: "T1", schedule: undefined, now });

  it("keeps the call 730 days from the call coming in", () => {
    // 730 days from 23 November 2026 (2028 is a leap year) is 22 November 2028.
    expect(call.expiresAt).toBe(epochSecondsOf(at("2028-11-22T23:00:00Z")));
    expect(callExpiresAt(now)).toBe(call.expiresAt);
  });

  it("moves the triage's expiry with its last entry, never earlier", () => {
    const triage = triageOfCall(call);
    expect(triageExpiresAt(triage)).toBe(call.expiresAt);
    const stepped = changed(triage, {
      steps: { ...triage.steps, decision: { status: "done", at: "2027-01-10T09:00:00.000Z", by: "jour-1" } },
    });
    expect(triageExpiresAt(stepped)).toBe(epochSecondsOf(at("2029-01-09T23:00:00Z")));
  });

  it("keeps audit rows two years beyond what they are about", () => {
    expect(auditExpiry(at("2028-11-23T23:00:00Z"))?.toISOString()).toBe("2030-11-24T23:00:00.000Z");
  });
});
