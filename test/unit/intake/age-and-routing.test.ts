/** Age on the Swedish date received, Cylindermodellen's groups, and routing to a unit. */
import { describe, expect, it } from "vitest";
import { ageGroupOf, ageOnReceipt, isChildGroup } from "../../../services/intake/domain/age";
import {
  DEFAULT_ROUTING,
  routeReferral,
  routingWithOverrides,
} from "../../../services/intake/domain/routing";
import { at, identityOf } from "./referral-fixture";

describe("age on the day received", () => {
  it("counts the 18th birthday from its first minute in Sweden, not in UTC", () => {
    const born = identityOf("20080315", "123");
    // 23:30 UTC on 14 March is 00:30 on 15 March in Stockholm (CET).
    expect(ageOnReceipt(born, at("2026-03-14T23:30:00Z"))).toBe(18);
    expect(ageOnReceipt(born, at("2026-03-14T22:59:00Z"))).toBe(17);
  });

  it("puts each age in exactly one of Cylindermodellen's bands", () => {
    const bands = [0, 5, 6, 12, 13, 17, 18, 30, 31, 90].map(ageGroupOf);
    expect(bands).toEqual(["0-5", "0-5", "6-12", "6-12", "13-17", "13-17", "18-30", "18-30", "31+", "31+"]);
  });

  it("tells a child's group from an adult's, so the group kept on a referral is enough for the rules", () => {
    expect([0, 12, 17, 18, 30, 31].map((age) => isChildGroup(ageGroupOf(age)))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
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

  it("refuses to guess when a table has no row for the facts", () => {
    expect(() =>
      routeReferral({ kind: "concern", age: 40 }, [{ unit: "mottag-barn", maxAge: 17, because: "children" }]),
    ).toThrow();
  });

  it("tries a municipality's own overrides before the default rows", () => {
    const table = routingWithOverrides([{ unit: "mottag-vuxen", kinds: ["police"], minAge: 18, maxAge: 25 }]);
    expect(routeReferral({ kind: "police", age: 20 }, table)).toBe("mottag-vuxen");
    // What the overrides do not cover falls to the default rows.
    expect(routeReferral({ kind: "police", age: 26 }, table)).toBe("utredning-unga-vuxna");
    expect(routeReferral({ kind: "police", age: 16 }, table)).toBe("mottag-barn");
    // An override never takes a financial-assistance referral.
    expect(routeReferral({ kind: "hotline", age: 20, financialAssistance: true }, table)).toBe(
      "ekonomiskt-bistand",
    );
    expect(routingWithOverrides([])).toBe(DEFAULT_ROUTING);
  });
});
