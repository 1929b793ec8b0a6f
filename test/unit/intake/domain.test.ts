import { describe, expect, it } from "vitest";
import { ageGroupOf, ageOnReceipt } from "../../../services/intake/age";
import {
  breachDue,
  DEADLINE_RULES,
  type DeadlineFacts,
  type DeadlineRule,
  deadlineOnTrigger,
  deadlinesOnReceipt,
  dueAtFor,
  effectiveState,
  markDone,
  nextOpenDueAt,
  pendingDueAt,
  rulesInForce,
} from "../../../services/intake/deadlines";
import { suggestCaseworker } from "../../../services/intake/referrals";
import {
  DEFAULT_ROUTING,
  type RoutingRule,
  routeReferral,
  routingTableFor,
} from "../../../services/intake/routing";
import { parseIdentityNumber } from "../../../shared/identity";

const at = (iso: string) => new Date(iso);
const luhn = (nine: string): number => {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
};
const identity = (birth: string, serial: string) => {
  const id = parseIdentityNumber(
    `${birth}-${serial}${luhn(birth.slice(2) + serial)}`,
    at("2026-11-01T12:00:00Z"),
  );
  if (!id) throw new Error("test identity is not valid");
  return id;
};
// Born 15 March 2008: 18 on 15 March 2026.
const BORN_2008_03_15 = identity("20080315", "123");

const child: DeadlineFacts = { kind: "concern", age: 14, firstOffence: false, financialAssistance: false };

describe("age on the day received", () => {
  it("counts the 18th birthday from its first minute in Sweden, not in UTC", () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Stockholm (CET).
    expect(ageOnReceipt(BORN_2008_03_15, at("2026-03-14T23:30:00Z"))).toBe(18);
    expect(ageOnReceipt(BORN_2008_03_15, at("2026-03-14T22:59:00Z"))).toBe(17);
  });

  it("puts each age in exactly one of Cylindermodellen's bands", () => {
    const bands = [0, 5, 6, 12, 13, 17, 18, 30, 31, 90].map(ageGroupOf);
    expect(bands).toEqual(["0-5", "0-5", "6-12", "6-12", "13-17", "13-17", "18-30", "18-30", "31+", "31+"]);
  });
});

describe("routing by kind and age", () => {
  const route = (
    kind: Parameters<typeof routeReferral>[0]["kind"],
    age: number,
    financialAssistance = false,
  ) => routeReferral({ kind, age, financialAssistance });

  it("sends every child to Mottag barn, whatever the kind", () => {
    for (const kind of ["concern", "application", "self-referral", "police", "hotline", "release"] as const) {
      expect(route(kind, 17)).toBe("mottag-barn");
    }
  });

  it("sends adults' concerns, applications and release notices to Mottag vuxen", () => {
    expect(route("concern", 18)).toBe("mottag-vuxen");
    expect(route("application", 25)).toBe("mottag-vuxen");
    expect(route("release", 22)).toBe("mottag-vuxen");
  });

  it("sends self-referrals, police referrals and hotline triages at 18-30 to Utredning unga vuxna, older to Mottag vuxen", () => {
    for (const kind of ["self-referral", "police", "hotline"] as const) {
      expect(route(kind, 18)).toBe("utredning-unga-vuxna");
      expect(route(kind, 30)).toBe("utredning-unga-vuxna");
      expect(route(kind, 31)).toBe("mottag-vuxen");
    }
  });

  it("sends the hotline's financial-assistance referrals to Ekonomiskt bistånd", () => {
    expect(route("hotline", 24, true)).toBe("ekonomiskt-bistand");
  });

  it("takes a municipality's own table over the default", () => {
    const own: RoutingRule[] = [{ unit: "mottag-vuxen", because: "one unit for everyone" }];
    const table = routingTableFor("1490", { "1490": own });
    expect(routeReferral({ kind: "concern", age: 10 }, table)).toBe("mottag-vuxen");
    expect(routingTableFor("0880", { "1490": own })).toBe(DEFAULT_ROUTING);
  });
});

describe("deadlines from the rules table", () => {
  const types = (facts: DeadlineFacts, receivedAt: Date) =>
    deadlinesOnReceipt(facts, receivedAt).map((d) => d.type);

  it("gives a child a protection assessment by the end of the next day and a pre-assessment in 14 days", () => {
    const deadlines = deadlinesOnReceipt(child, at("2026-11-23T16:45:00+01:00"));
    expect(deadlines).toEqual([
      { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
      { type: "pre-assessment", dueAt: "2026-12-07T23:00:00.000Z", state: "open" },
    ]);
  });

  it("gives no child deadlines to someone received on their 18th birthday", () => {
    const age = ageOnReceipt(BORN_2008_03_15, at("2026-03-15T08:00:00+01:00"));
    expect(types({ ...child, age }, at("2026-03-15T08:00:00+01:00"))).toEqual([]);
    const dayBefore = ageOnReceipt(BORN_2008_03_15, at("2026-03-14T23:59:00+01:00"));
    expect(types({ ...child, age: dayBefore }, at("2026-03-14T23:59:00+01:00"))).toEqual([
      "protection-assessment",
      "pre-assessment",
    ]);
  });

  it("ends a day at midnight in Sweden across the spring and autumn switches", () => {
    // Received Saturday 28 March 2026; the clocks go forward on Sunday 29 March: the day ends at 00:00 CEST.
    expect(deadlinesOnReceipt(child, at("2026-03-28T10:00:00+01:00"))[0]?.dueAt).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    // Received Saturday 24 October 2026; the clocks go back on Sunday 25 October: the day ends at 00:00 CET.
    expect(deadlinesOnReceipt(child, at("2026-10-24T10:00:00+02:00"))[0]?.dueAt).toBe(
      "2026-10-25T23:00:00.000Z",
    );
  });

  it("counts the first-offence conversation in elapsed hours, so 48 hours over the spring switch ends at 11:00", () => {
    const police = { ...child, kind: "police" as const, firstOffence: true };
    const deadlines = deadlinesOnReceipt(police, at("2026-03-28T10:00:00+01:00"));
    expect(deadlines.find((d) => d.type === "first-offence-conversation")?.dueAt).toBe(
      "2026-03-30T09:00:00.000Z",
    );
    expect(types({ ...police, firstOffence: false }, at("2026-03-28T10:00:00+01:00"))).not.toContain(
      "first-offence-conversation",
    );
    expect(types({ ...police, age: 19 }, at("2026-03-28T10:00:00+01:00"))).toEqual([]);
  });

  it("gives an opened investigation four calendar months, clamped at the end of a shorter month", () => {
    const adult = { ...child, age: 40 };
    // 31 October + 4 months is 28 February 2027; due when that day ends.
    expect(deadlineOnTrigger("investigation-opened", adult, at("2026-10-31T12:00:00+01:00"))?.dueAt).toBe(
      "2027-02-28T23:00:00.000Z",
    );
    // 31 October 2027 + 4 months is 29 February 2028, a leap year.
    expect(deadlineOnTrigger("investigation-opened", adult, at("2027-10-31T12:00:00+01:00"))?.dueAt).toBe(
      "2028-02-29T23:00:00.000Z",
    );
    // Decided 30 November: due at the end of 30 March, in summer time by then.
    expect(deadlineOnTrigger("investigation-opened", adult, at("2026-11-30T12:00:00+01:00"))?.dueAt).toBe(
      "2027-03-30T22:00:00.000Z",
    );
  });

  it("makes a release referral's plan due when the release day begins, in summer or winter time", () => {
    const release = { ...child, kind: "release" as const, age: 30 };
    expect(deadlineOnTrigger("release-date", release, "2027-04-15")?.dueAt).toBe("2027-04-14T22:00:00.000Z");
    expect(deadlineOnTrigger("release-date", release, "2027-01-15")?.dueAt).toBe("2027-01-14T23:00:00.000Z");
    expect(deadlineOnTrigger("release-date", child, "2027-01-15")).toBeUndefined();
    expect(types(release, at("2026-11-23T10:00:00Z"))).toEqual([]);
  });

  it("applies the rule in force on the trigger's Swedish date", () => {
    const rules: DeadlineRule[] = [
      ...DEADLINE_RULES,
      {
        type: "pre-assessment",
        trigger: "received",
        effectiveFrom: "2027-01-01",
        due: { kind: "end-of-day", days: 10 },
        applies: { child: true },
        basis: "a hypothetical change in the law",
      },
    ];
    const due = (iso: string) =>
      deadlinesOnReceipt(child, at(iso), rules).find((d) => d.type === "pre-assessment")?.dueAt;
    // 23:30 UTC on 31 December is already 1 January in Sweden: the new rule applies.
    expect(due("2026-12-31T23:30:00Z")).toBe("2027-01-11T23:00:00.000Z");
    expect(due("2026-12-31T22:30:00Z")).toBe("2027-01-14T23:00:00.000Z");
    expect(rulesInForce("received", "2025-06-30").every((r) => r.effectiveFrom < "2025-07-01")).toBe(true);
    expect(rulesInForce("received", "2025-07-01").every((r) => r.effectiveFrom === "2025-07-01")).toBe(true);
  });

  it("refuses an hours rule without an instant", () => {
    expect(() => dueAtFor({ kind: "hours", hours: 48 }, "2026-01-01")).toThrow();
  });
});

describe("deadline states", () => {
  const open = {
    type: "protection-assessment" as const,
    dueAt: "2026-11-24T23:00:00.000Z",
    state: "open" as const,
  };

  it("is met when done before the due time, breached when done at or after it", () => {
    expect(markDone(open, at("2026-11-24T22:59:59Z")).state).toBe("met");
    expect(markDone(open, at("2026-11-24T23:00:00Z")).state).toBe("breached");
    expect(markDone({ ...open, state: "breached" }, at("2026-11-20T00:00:00Z")).state).toBe("breached");
  });

  it("reads as breached once due, before the sweep marks it, but stands still on a closed referral", () => {
    expect(effectiveState(open, at("2026-11-24T23:00:00Z"), true)).toBe("breached");
    expect(effectiveState(open, at("2026-11-24T22:00:00Z"), true)).toBe("open");
    expect(effectiveState(open, at("2026-11-25T00:00:00Z"), false)).toBe("open");
  });

  it("breaches each due deadline once and schedules the next", () => {
    const later = { ...open, type: "pre-assessment" as const, dueAt: "2026-12-07T23:00:00.000Z" };
    const first = breachDue([open, later], at("2026-11-25T08:00:00Z"));
    expect(first.breached.map((d) => d.type)).toEqual(["protection-assessment"]);
    expect(breachDue(first.deadlines, at("2026-11-25T09:00:00Z")).breached).toEqual([]);
    expect(nextOpenDueAt(first.deadlines)).toBe(later.dueAt);
    // Breached but not yet done: still what makes the referral overdue.
    expect(pendingDueAt(first.deadlines)).toBe(open.dueAt);
  });
});

describe("suggesting a caseworker", () => {
  it("picks the lowest caseload relative to capacity, never someone with no capacity", () => {
    const suggestion = suggestCaseworker([
      { caseworkerId: "anna", capacity: 24, caseload: 12 },
      { caseworkerId: "bo", capacity: 13, caseload: 6 },
      { caseworkerId: "cia", capacity: 0, caseload: 0 },
    ]);
    expect(suggestion?.caseworkerId).toBe("bo");
    expect(suggestCaseworker([{ caseworkerId: "cia", capacity: 0, caseload: 0 }])).toBeUndefined();
  });
});
