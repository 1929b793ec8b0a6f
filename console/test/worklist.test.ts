import { describe, expect, it } from "vitest";
import type { ReferralSummary } from "../src/api/types";
import {
  filtersToQuery,
  nextDeadline,
  orderWorklist,
  readFilters,
  worklistQuery,
} from "../src/intake/worklist";

const referral = (
  id: string,
  deadlines: ReferralSummary["deadlines"],
  overrides: Partial<ReferralSummary> = {},
): ReferralSummary => ({
  id,
  municipality: "0880",
  kind: "concern",
  unit: "mottag-barn",
  ageGroup: "13-17",
  status: "open",
  receivedAt: "2026-11-20T09:00:00.000Z",
  deadlines,
  ...overrides,
});

describe("the worklist's order", () => {
  const late = referral("late", [
    { type: "protection-assessment", dueAt: "2026-11-21T23:00:00.000Z", state: "breached" },
  ]);
  const soon = referral("soon", [
    { type: "protection-assessment", dueAt: "2026-11-22T23:00:00.000Z", state: "met" },
    { type: "pre-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
  ]);
  const later = referral("later", [
    { type: "pre-assessment", dueAt: "2026-12-04T23:00:00.000Z", state: "open" },
  ]);
  const closed = referral(
    "closed",
    [{ type: "pre-assessment", dueAt: "2026-11-01T23:00:00.000Z", state: "breached" }],
    {
      status: "closed",
    },
  );
  const nothingDue = referral("nothing", []);

  it("puts the most overdue first, then the soonest due, then referrals with nothing due in the API's order", () => {
    const page = [nothingDue, later, closed, soon, late];
    expect(orderWorklist(page, { mine: false }, "cw-1").map((r) => r.id)).toEqual([
      "late",
      "soon",
      "later",
      "nothing",
      "closed",
    ]);
  });

  it("puts an active report of suspected violence by someone close first, whatever is overdue", () => {
    const marked = referral(
      "marked",
      [{ type: "protection-assessment", dueAt: "2026-11-30T23:00:00.000Z", state: "open" }],
      {
        suspectedViolenceByCloseRelative: true,
      },
    );
    expect(orderWorklist([late, marked, soon], { mine: false }, "cw-1").map((r) => r.id)).toEqual([
      "marked",
      "late",
      "soon",
    ]);
  });

  it("counts the earliest deadline not met, and none for a closed referral", () => {
    expect(nextDeadline(soon)?.type).toBe("pre-assessment");
    expect(nextDeadline(closed)).toBeUndefined();
  });

  it("keeps only the signed-in caseworker's referrals when asked for 'mine'", () => {
    const mine = referral("mine", [], { assignee: "cw-1" });
    const theirs = referral("theirs", [], { assignee: "cw-2" });
    expect(orderWorklist([mine, theirs, later], { mine: true }, "cw-1").map((r) => r.id)).toEqual(["mine"]);
  });
});

describe("the worklist's filters", () => {
  it("round-trip through the route, and unknown values are no filter", () => {
    const filters = {
      unit: "mottag-vuxen",
      kind: "release",
      status: "open",
      overdue: true,
      mine: true,
    } as const;
    expect(readFilters(filtersToQuery(filters))).toEqual(filters);
    expect(readFilters(new URLSearchParams("enhet=kontoret&forsenade=kanske"))).toEqual({
      unit: undefined,
      kind: undefined,
      status: undefined,
      overdue: undefined,
      mine: false,
    });
  });

  it("become the API's query, with the cursor that pages it", () => {
    const filters = readFilters(new URLSearchParams("enhet=mottag-barn&forsenade=nej&mina=ja"));
    expect(worklistQuery(filters, "abc", "cw-1")).toEqual({
      unit: "mottag-barn",
      overdue: "false",
      assignee: "cw-1",
      sort: "due",
      limit: 50,
      cursor: "abc",
    });
    const closed = readFilters(new URLSearchParams("status=closed"));
    expect(worklistQuery(closed, undefined, "cw-1")).toEqual({
      status: "closed",
      sort: "received",
      limit: 50,
    });
  });
});
