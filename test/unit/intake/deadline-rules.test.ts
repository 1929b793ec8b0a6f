/**
 * The deadline rules table and what it means: which referrals get which deadline, due when, under
 * which version of the rule; across month ends, leap years, the daylight-saving switches, and
 * the days off on which lagen (1930:173) 2 § moves a statutory time limit's last day.
 */
import { describe, expect, it } from "vitest";
import { ageOnReceipt } from "../../../services/intake/domain/age";
import { DEADLINE_RULES, type DeadlineRule } from "../../../services/intake/domain/deadlines/rules";
import {
  type DeadlineFacts,
  deadlineOnTrigger,
  deadlinesOnReceipt,
  dueAtFor,
  rulesInForce,
} from "../../../services/intake/domain/deadlines/schedule";
import { REFERRAL_DEADLINE_TYPES } from "../../../shared/events/catalogue/intake";
import { at, identityOf } from "./referral-fixture";

const child: DeadlineFacts = {
  kind: "concern",
  child: true,
  firstOffence: false,
  financialAssistance: false,
};
const adult: DeadlineFacts = { ...child, child: false };
const types = (facts: DeadlineFacts, receivedAt: Date) =>
  deadlinesOnReceipt(facts, receivedAt).map((d) => d.type);
const dueOf = (facts: DeadlineFacts, receivedAt: string, type: string) =>
  deadlinesOnReceipt(facts, at(receivedAt)).find((d) => d.type === type)?.dueAt;

describe("the table", () => {
  it("gives every row its source: a statute with its citation, date and what was verified, or a local agreement labelled as one", () => {
    for (const rule of DEADLINE_RULES) {
      if (rule.source.kind === "statute") {
        expect(rule.source.citation).toMatch(/^Socialtjänstlag \(20\d\d:\d+\)/);
        expect(rule.source.verified).not.toBe("");
        // A row never applies before its provision took effect.
        expect(rule.effectiveFrom >= rule.source.inForceFrom).toBe(true);
        // Under the new act the provision's number could not be checked, and the row says so.
        if (rule.source.citation.includes("2025:400"))
          expect(rule.source.unverified).toMatch(/could not be verified/);
      } else {
        expect(rule.source.agreement).not.toBe("");
        expect(rule.lastDayOff.moves).toBe(false);
      }
      expect(rule.source.says).not.toBe("");
      expect(rule.lastDayOff.because).not.toBe("");
    }
    const agreements = DEADLINE_RULES.filter((r) => r.source.kind === "local-agreement").map((r) => r.type);
    expect(agreements.sort()).toEqual(["first-offence-conversation", "release-plan"]);
  });

  it("has a row for every deadline type the events may carry", () => {
    expect([...new Set(DEADLINE_RULES.map((r) => r.type))].sort()).toEqual(
      [...REFERRAL_DEADLINE_TYPES].sort(),
    );
  });

  it("cites SoL (2001:453) up to 30 June 2025 and SoL (2025:400) from 1 July 2025, with the same periods", () => {
    for (const trigger of ["received", "investigation-opened"] as const) {
      const before = rulesInForce(trigger, "2025-06-30").filter((r) => r.source.kind === "statute");
      const after = rulesInForce(trigger, "2025-07-01").filter((r) => r.source.kind === "statute");
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((r) => r.source.kind === "statute" && r.source.citation.includes("2001:453"))).toBe(
        true,
      );
      expect(after.every((r) => r.source.kind === "statute" && r.source.citation.includes("2025:400"))).toBe(
        true,
      );
      expect(before.some((r) => r.source.kind === "statute" && r.source.citation.includes("2025:400"))).toBe(
        false,
      );
      const periods = (rules: DeadlineRule[]) =>
        rules.map((r) => [r.type, r.variant, r.due, r.applies, r.lastDayOff]);
      expect(periods(after)).toEqual(periods(before));
    }
  });

  it("dates the skyddsbedömning and the 14 days from 1 January 2013, the four months from 2002", () => {
    const statutes = (trigger: "received" | "investigation-opened", date: string) =>
      rulesInForce(trigger, date)
        .filter((r) => r.source.kind === "statute")
        .map((r) => `${r.type}${r.variant ? `/${r.variant}` : ""}`)
        .sort();
    expect(statutes("received", "2012-12-31")).toEqual(["investigation/application"]);
    expect(statutes("received", "2013-01-01")).toEqual([
      "investigation/application",
      "pre-assessment",
      "protection-assessment",
    ]);
    expect(statutes("received", "2014-10-01")).toContain("protection-assessment/close-relative-violence");
    expect(statutes("investigation-opened", "2002-01-01")).toEqual(["investigation"]);
    expect(statutes("investigation-opened", "2001-12-31")).toEqual([]);
  });
});

describe("deadlines on receipt", () => {
  it("gives a child a protection assessment by the end of the next day and a pre-assessment in 14 days", () => {
    expect(deadlinesOnReceipt(child, at("2026-11-23T16:45:00+01:00"))).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
      { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
    ]);
  });

  it("counts days by the Swedish date received: 00:10 and 23:59 the same day give the same due times", () => {
    const early = deadlinesOnReceipt(child, at("2026-11-23T00:10:00+01:00"));
    expect(deadlinesOnReceipt(child, at("2026-11-23T23:59:00+01:00"))).toEqual(early);
    // 23:30 UTC on 22 November is already the 23rd in Sweden.
    expect(deadlinesOnReceipt(child, at("2026-11-22T23:30:00Z"))).toEqual(early);
  });

  it("carries the 14 days over a month end and a year end", () => {
    expect(dueOf(child, "2027-01-29T12:00:00+01:00", "pre-assessment")).toBe("2027-02-12T23:00:00.000Z");
    expect(dueOf(child, "2026-12-31T23:30:00+01:00", "pre-assessment")).toBe("2027-01-14T23:00:00.000Z");
    // The skyddsbedömning is due 'genast': nyårsdagen does not move it.
    expect(dueOf(child, "2026-12-31T23:30:00+01:00", "protection-assessment")).toBe(
      "2027-01-01T23:00:00.000Z",
    );
  });

  it("moves a last day that falls on a day off to the next weekday (lagen 1930:173 2 §)", () => {
    // 31 January + 14 = Sunday 14 February 2027 → Monday 15 February.
    expect(dueOf(child, "2027-01-31T12:00:00+01:00", "pre-assessment")).toBe("2027-02-15T23:00:00.000Z");
    // 20 March + 14 = långfredagen 3 April 2026 → Tuesday 7 April, past Easter, in summer time.
    expect(dueOf(child, "2026-03-20T10:00:00+01:00", "pre-assessment")).toBe("2026-04-07T22:00:00.000Z");
    // 10 December + 14 = julafton (Thursday) → Monday 28 December.
    expect(dueOf(child, "2026-12-10T10:00:00+01:00", "pre-assessment")).toBe("2026-12-28T23:00:00.000Z");
    // 5 June + 14 = midsommarafton 19 June 2026 → Monday 22 June.
    expect(dueOf(child, "2026-06-05T10:00:00+02:00", "pre-assessment")).toBe("2026-06-22T22:00:00.000Z");
    // A report on Saturday 28 November: the protection assessment stays due when Sunday ends.
    expect(dueOf(child, "2026-11-28T10:00:00+01:00", "protection-assessment")).toBe(
      "2026-11-29T23:00:00.000Z",
    );
  });

  it("gives a report of suspected violence by someone close a protection assessment due when the day received ends", () => {
    const violence = { ...child, closeRelativeViolence: true };
    expect(deadlinesOnReceipt(violence, at("2026-11-23T16:45:00+01:00"))).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-23T23:00:00.000Z", state: "open" },
      { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
    ]);
  });

  it("gives no förhandsbedömning to a report added to an investigation under way, nor to an application", () => {
    const when = at("2026-11-23T10:00:00Z");
    expect(types({ ...child, joinsInvestigation: true }, when)).toEqual(["protection-assessment"]);
    expect(types({ ...child, kind: "application" }, when)).toEqual(["investigation"]);
    expect(types({ ...adult, kind: "application" }, when)).toEqual([]);
    // The application's four months: 31 October + 4 months = Sunday 28 February 2027 → Monday 1 March.
    expect(dueOf({ ...child, kind: "application" }, "2026-10-31T09:00:00+01:00", "investigation")).toBe(
      "2027-03-01T23:00:00.000Z",
    );
  });

  it("gives no child deadlines to someone received on their 18th birthday", () => {
    const born = identityOf("20080315", "123");
    const on = at("2026-03-15T08:00:00+01:00");
    expect(types({ ...child, child: ageOnReceipt(born, on) < 18 }, on)).toEqual([]);
    const dayBefore = at("2026-03-14T23:59:00+01:00");
    expect(types({ ...child, child: ageOnReceipt(born, dayBefore) < 18 }, dayBefore)).toEqual([
      "protection-assessment",
      "pre-assessment",
    ]);
  });

  it("gives adults, release notices and financial-assistance referrals no child deadlines", () => {
    const when = at("2026-11-23T10:00:00Z");
    expect(types(adult, when)).toEqual([]);
    expect(types({ ...child, kind: "release" }, when)).toEqual([]);
    expect(types({ ...child, kind: "hotline", financialAssistance: true }, when)).toEqual([]);
    expect(types({ ...child, kind: "hotline" }, when)).toEqual(["protection-assessment", "pre-assessment"]);
  });

  it("ends a day at midnight in Sweden across the spring and autumn switches", () => {
    // Received Saturday 28 March 2026; the clocks go forward on Sunday 29 March: the day ends at 00:00 CEST.
    expect(dueOf(child, "2026-03-28T10:00:00+01:00", "protection-assessment")).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    // Received Saturday 24 October 2026; the clocks go back on Sunday 25 October: the day ends at 00:00 CET.
    expect(dueOf(child, "2026-10-24T10:00:00+02:00", "protection-assessment")).toBe(
      "2026-10-25T23:00:00.000Z",
    );
    // Fourteen days from before the spring switch end in summer time (Thursday 2 April, a weekday).
    expect(dueOf(child, "2026-03-19T10:00:00+01:00", "pre-assessment")).toBe("2026-04-02T22:00:00.000Z");
  });

  it("counts the first-offence conversation in elapsed hours, so 48 hours over the spring switch ends at 11:00", () => {
    const police = { ...child, kind: "police" as const, firstOffence: true };
    expect(dueOf(police, "2026-03-28T10:00:00+01:00", "first-offence-conversation")).toBe(
      "2026-03-30T09:00:00.000Z",
    );
    // And over the autumn switch at 09:00.
    expect(dueOf(police, "2026-10-24T10:00:00+02:00", "first-offence-conversation")).toBe(
      "2026-10-26T08:00:00.000Z",
    );
    const when = at("2026-03-28T10:00:00+01:00");
    expect(types({ ...police, firstOffence: false }, when)).not.toContain("first-offence-conversation");
    expect(types({ ...police, child: false }, when)).toEqual([]);
  });
});

describe("deadlines a later trigger sets", () => {
  const opened = (iso: string) => deadlineOnTrigger("investigation-opened", child, at(iso))?.dueAt;

  it("gives an adult's investigation no statutory deadline: the law sets no period for it", () => {
    expect(deadlineOnTrigger("investigation-opened", adult, at("2026-11-23T10:00:00Z"))).toBeUndefined();
    expect(
      deadlineOnTrigger("investigation-opened", { ...adult, kind: "release" }, at("2026-11-23T10:00:00Z")),
    ).toBeUndefined();
  });

  it("gives a child's opened investigation four calendar months, clamped at the end of a shorter month", () => {
    // 31 October 2028 + 4 months is Wednesday 28 February 2029; due when that day ends.
    expect(opened("2028-10-31T12:00:00+01:00")).toBe("2029-02-28T23:00:00.000Z");
    // 31 October 2026 + 4 months is Sunday 28 February 2027: the next weekday, Monday 1 March.
    expect(opened("2026-10-31T12:00:00+01:00")).toBe("2027-03-01T23:00:00.000Z");
    // 31 October 2027 + 4 months is 29 February 2028, a leap year.
    expect(opened("2027-10-31T12:00:00+01:00")).toBe("2028-02-29T23:00:00.000Z");
    // Decided 30 November: due at the end of 30 March, in summer time by then.
    expect(opened("2026-11-30T12:00:00+01:00")).toBe("2027-03-30T22:00:00.000Z");
    // From 29 February 2028 to 29 June; from 30 June 2026 to 30 October, after the autumn switch.
    expect(opened("2028-02-29T12:00:00+01:00")).toBe("2028-06-29T22:00:00.000Z");
    expect(opened("2026-06-30T12:00:00+02:00")).toBe("2026-10-30T23:00:00.000Z");
    // A decision at 00:30 on 1 March in Sweden (still February in UTC) counts from 1 March.
    expect(opened("2027-02-28T23:30:00Z")).toBe("2027-07-01T22:00:00.000Z");
  });

  it("makes a release referral's plan due when the release day begins, in summer or winter time", () => {
    const release = { ...adult, kind: "release" as const };
    expect(deadlineOnTrigger("release-date", release, "2027-04-15")?.dueAt).toBe("2027-04-14T22:00:00.000Z");
    expect(deadlineOnTrigger("release-date", release, "2027-01-15")?.dueAt).toBe("2027-01-14T23:00:00.000Z");
    expect(deadlineOnTrigger("release-date", { ...release, child: true }, "2027-01-15")).toBeDefined();
    expect(deadlineOnTrigger("release-date", child, "2027-01-15")).toBeUndefined();
  });
});

describe("versions of a rule", () => {
  const changed: DeadlineRule[] = [
    ...DEADLINE_RULES,
    {
      type: "pre-assessment",
      trigger: "received",
      effectiveFrom: "2027-01-01",
      due: { kind: "end-of-day", days: 10 },
      lastDayOff: { moves: true, because: "as today" },
      applies: { child: true },
      source: {
        kind: "statute",
        citation: "Socialtjänstlag (2099:1)",
        inForceFrom: "2027-01-01",
        says: "a hypothetical change",
        verified: "hypothetical",
      },
    },
  ];
  const due = (iso: string) =>
    deadlinesOnReceipt(child, at(iso), changed).find((d) => d.type === "pre-assessment")?.dueAt;

  it("applies the version in force on the trigger's Swedish date", () => {
    // 23:30 UTC on 31 December is already 1 January in Sweden: the new version applies.
    expect(due("2026-12-31T23:30:00Z")).toBe("2027-01-11T23:00:00.000Z");
    expect(due("2026-12-31T22:30:00Z")).toBe("2027-01-14T23:00:00.000Z");
  });

  it("keeps the other rules as they were", () => {
    const types = (rules: readonly DeadlineRule[]) =>
      deadlinesOnReceipt(child, at("2027-02-01T12:00:00Z"), rules).filter((d) => d.type !== "pre-assessment");
    expect(types(changed)).toEqual(types(DEADLINE_RULES));
  });

  it("refuses an hours rule without an instant", () => {
    expect(() => dueAtFor({ kind: "hours", hours: 48 }, "2026-01-01")).toThrow();
  });
});
