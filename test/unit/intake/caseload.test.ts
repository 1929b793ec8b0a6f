/** Suggesting and assigning a caseworker, and what a linked referral does to a caseload. */
import { describe, expect, it } from "vitest";
import { assignCaseworker, suggestCaseworker } from "../../../services/intake/domain/caseload";
import { allowed, at, dataOf, emitted, referral, refusal } from "./referral-fixture";

const NOW = at("2026-11-24T10:00:00+01:00");
const anna = { caseworkerId: "cw-anna", capacity: 24, caseload: 12 };
const bo = { caseworkerId: "cw-bo", capacity: 13, caseload: 6 };

describe("suggesting a caseworker", () => {
  it("picks the lowest caseload relative to capacity, never someone with no capacity", () => {
    const suggestion = suggestCaseworker([anna, bo, { caseworkerId: "cw-cia", capacity: 0, caseload: 0 }]);
    expect(suggestion?.caseworkerId).toBe("cw-bo");
    expect(suggestCaseworker([{ caseworkerId: "cw-cia", capacity: 0, caseload: 0 }])).toBeUndefined();
    expect(suggestCaseworker([])).toBeUndefined();
  });

  it("breaks a tie by the smaller caseload, then by id, so the choice is stable", () => {
    const half = [
      { caseworkerId: "cw-b", capacity: 20, caseload: 10 },
      { caseworkerId: "cw-a", capacity: 10, caseload: 5 },
    ];
    expect(suggestCaseworker(half)?.caseworkerId).toBe("cw-a");
    const even = [
      { caseworkerId: "cw-b", capacity: 10, caseload: 0 },
      { caseworkerId: "cw-a", capacity: 20, caseload: 0 },
    ];
    expect(suggestCaseworker(even)?.caseworkerId).toBe("cw-a");
  });
});

describe("assigning", () => {
  const assign = (current = referral(), requested?: string, candidates = [anna, bo]) =>
    assignCaseworker(current, { ...(requested ? { requested } : {}), candidates }, "hl-1", NOW);

  it("without a name takes the suggestion, adds the case to their caseload and says it was suggested", () => {
    const t = allowed(assign());
    if (!t) throw new Error("nothing assigned");
    expect(t.referral).toMatchObject({ assignee: "cw-bo", version: 4 });
    expect(t.caseload).toEqual([{ caseworkerId: "cw-bo", delta: 1 }]);
    expect(emitted(t)).toEqual(["referral.assigned"]);
    expect(dataOf(t, "referral.assigned")).toMatchObject({ caseworkerId: "cw-bo", suggested: true });
    expect(t.audit[0]?.action).toBe("assign");
  });

  it("to someone else moves the case from the previous caseworker", () => {
    const t = allowed(assign(referral({ assignee: "cw-bo" }), "cw-anna"));
    expect(t?.caseload).toEqual([
      { caseworkerId: "cw-anna", delta: 1 },
      { caseworkerId: "cw-bo", delta: -1 },
    ]);
    expect(t && dataOf(t, "referral.assigned")).toMatchObject({
      previousCaseworkerId: "cw-bo",
      suggested: false,
    });
  });

  it("to the caseworker it already has changes nothing", () => {
    expect(allowed(assign(referral({ assignee: "cw-anna" }), "cw-anna"))).toBeUndefined();
  });

  it("of a linked referral moves no caseload: it is the open case's", () => {
    const t = allowed(
      assign(referral({ linkedReferralId: "01KOPENCASE000000000000001", assignee: "cw-bo" }), "cw-anna"),
    );
    expect(t?.referral.assignee).toBe("cw-anna");
    expect(t?.caseload).toEqual([]);
  });

  it("refuses a caseworker not in the unit (naming the field), and a unit with nobody to suggest", () => {
    expect(refusal(assign(referral(), "cw-elsewhere"))).toEqual({
      kind: "unprocessable",
      code: undefined,
      fields: ["caseworkerId"],
    });
    expect(refusal(assign(referral(), undefined, []))).toMatchObject({
      kind: "conflict",
      code: "no-caseworker",
    });
    expect(refusal(assign(referral(), undefined, [{ ...anna, capacity: 0 }]))).toMatchObject({
      code: "no-caseworker",
    });
  });

  it("can name someone with no capacity left: staff decide, the suggestion only avoids them", () => {
    expect(
      allowed(assign(referral(), "cw-full", [{ caseworkerId: "cw-full", capacity: 0, caseload: 0 }])),
    ).toBeDefined();
  });

  it("refuses a closed referral before anything else", () => {
    expect(refusal(assign(referral({ status: "closed" }), "cw-elsewhere"))).toMatchObject({
      code: "not-active",
    });
  });
});
