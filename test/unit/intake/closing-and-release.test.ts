/** Closing a referral, what Kriminalvården's later word does to a release referral, and the sweep's breaches. */
import { describe, expect, it } from "vitest";
import { breachOverdue } from "../../../services/intake/domain/breaches";
import { closeReferral } from "../../../services/intake/domain/closing";
import type { Referral } from "../../../services/intake/domain/referral";
import {
  moveReleaseDate,
  recordPlanReady,
  withdrawNotice,
} from "../../../services/intake/domain/release-notices";
import { allowed, at, dataOf, emitted, referral, refusal } from "./referral-fixture";

const NOW = at("2026-11-24T10:00:00+01:00");
const PLAN = { type: "release-plan" as const, dueAt: "2027-04-14T22:00:00.000Z", state: "open" as const };
const release = (overrides: Partial<Referral> = {}) =>
  referral({
    kind: "release",
    unit: "mottag-vuxen",
    ageGroup: "31+",
    reporterRole: undefined,
    source: { type: "release-notice", id: "KV-2026-000125" },
    sourceUpdatedAt: "2026-11-23T09:00:00.000Z",
    deadlines: [PLAN],
    ...overrides,
  });

const DECIDED = {
  decision: { at: "2026-11-24T08:00:00.000Z", by: "hl-1", openInvestigation: false, reasonSealed: "v1.r" },
};

describe("closing", () => {
  it("frees the person's open case and the caseworker's place, and emits referral.closed", () => {
    const t = allowed(
      closeReferral(
        referral({ assignee: "cw-1", ...DECIDED }),
        { reason: "no-investigation", noteSealed: "v1.n" },
        "hl-1",
        NOW,
      ),
    );
    expect(t.referral).toMatchObject({
      status: "closed",
      closure: { reason: "no-investigation", by: "hl-1", noteSealed: "v1.n" },
    });
    expect(t.openCase).toEqual({ kind: "release" });
    expect(t.caseload).toEqual([{ caseworkerId: "cw-1", delta: -1 }]);
    expect(emitted(t)).toEqual(["referral.closed"]);
    expect(dataOf(t, "referral.closed")).toMatchObject({
      reason: "no-investigation",
      closedAt: NOW.toISOString(),
    });
    expect(t.audit[0]?.action).toBe("close:no-investigation");
  });

  it("refuses a child's report whose decision is still due, unless merged or withdrawn, saying why", () => {
    for (const reason of ["no-investigation", "transferred", "other", "investigation-concluded"] as const) {
      expect(refusal(closeReferral(referral(), { reason }, "hl-1", NOW)), reason).toEqual({
        kind: "conflict",
        code: "decision-required",
        fields: undefined,
      });
    }
    expect(closeReferral(referral(), { reason: "merged" }, "hl-1", NOW).ok).toBe(true);
    expect(closeReferral(referral(), { reason: "withdrawn" }, "hl-1", NOW).ok).toBe(true);
    // No decision is due for a report added to an investigation, an application, or an adult's referral.
    const joined = referral({ joinedInvestigation: true, deadlines: [] });
    expect(closeReferral(joined, { reason: "other" }, "hl-1", NOW).ok).toBe(true);
    const adult = referral({ kind: "self-referral", unit: "mottag-vuxen", ageGroup: "31+", deadlines: [] });
    expect(closeReferral(adult, { reason: "no-investigation" }, "hl-1", NOW).ok).toBe(true);
  });

  it("of a linked referral keeps the open case and the caseload: they are the other referral's", () => {
    const linked = referral({ linkedReferralId: "01KOPENCASE000000000000001", assignee: "cw-1" });
    const t = allowed(closeReferral(linked, { reason: "merged" }, "hl-1", NOW));
    expect(t.openCase).toBeUndefined();
    expect(t.caseload).toEqual([]);
  });

  it("meets the investigation when it is concluded, and leaves the child deadlines as they stand", () => {
    const investigating = referral({
      status: "investigating",
      ...DECIDED,
      deadlines: [
        { type: "protection-assessment", dueAt: "2026-11-24T23:00:00.000Z", state: "open" },
        { type: "investigation", dueAt: "2027-03-30T22:00:00.000Z", state: "open" },
      ],
    });
    const t = allowed(closeReferral(investigating, { reason: "investigation-concluded" }, "hl-1", NOW));
    expect(t.referral.deadlines.map((d) => [d.type, d.state, d.doneAt !== undefined])).toEqual([
      ["protection-assessment", "open", false],
      ["investigation", "met", true],
    ]);
    const other = allowed(closeReferral(investigating, { reason: "transferred" }, "hl-1", NOW));
    expect(other.referral.deadlines.every((d) => d.doneAt === undefined)).toBe(true);
  });

  it("meets a release plan, or breaches it if the release day has begun", () => {
    expect(
      allowed(closeReferral(release(), { reason: "other" }, "hl-1", NOW)).referral.deadlines[0]?.state,
    ).toBe("met");
    const late = allowed(
      closeReferral(release(), { reason: "other" }, "hl-1", at("2027-04-15T09:00:00+02:00")),
    );
    expect(emitted(late)).toEqual(["deadline.breached", "referral.closed"]);
  });

  it("is refused once closed", () => {
    expect(
      refusal(closeReferral(referral({ status: "closed" }), { reason: "other" }, "hl-1", NOW)),
    ).toMatchObject({
      code: "not-active",
    });
  });
});

describe("a release notice's later word", () => {
  const EVENT = "event:release-notices";

  it("a new release date moves the plan, and records the update it came with", () => {
    const t = moveReleaseDate(
      release(),
      { releaseDate: "2027-05-20", updatedAt: "2026-11-25T10:00:00.000Z" },
      EVENT,
      NOW,
    );
    expect(t?.referral.deadlines).toEqual([
      { type: "release-plan", dueAt: "2027-05-19T22:00:00.000Z", state: "open" },
    ]);
    expect(t?.referral.sourceUpdatedAt).toBe("2026-11-25T10:00:00.000Z");
    expect(t?.events).toEqual([]);
    expect(t?.audit[0]?.action).toBe("release-date-moved");
  });

  it("an older update arriving late, or one for a closed referral, changes nothing", () => {
    const older = { releaseDate: "2027-03-01", updatedAt: "2026-11-22T10:00:00.000Z" };
    expect(moveReleaseDate(release(), older, EVENT, NOW)).toBeUndefined();
    expect(
      moveReleaseDate(release(), { ...older, updatedAt: "2026-11-23T09:00:00.000Z" }, EVENT, NOW),
    ).toBeUndefined();
    const newer = { releaseDate: "2027-03-01", updatedAt: "2026-11-25T10:00:00.000Z" };
    expect(moveReleaseDate(release({ status: "closed" }), newer, EVENT, NOW)).toBeUndefined();
  });

  it("a plan already done stays done when the date moves", () => {
    const done = { ...PLAN, state: "met" as const, doneAt: "2027-03-01T10:00:00.000Z" };
    const t = moveReleaseDate(
      release({ deadlines: [done] }),
      { releaseDate: "2027-05-20", updatedAt: "2026-11-25T10:00:00.000Z" },
      EVENT,
      NOW,
    );
    expect(t?.referral.deadlines).toEqual([done]);
  });

  it("a plan ready before the release day meets it; one ready after breaches it, once", () => {
    const met = recordPlanReady(release(), at("2027-03-01T10:00:00Z"), EVENT, NOW);
    expect(met?.referral.deadlines[0]).toMatchObject({ state: "met", doneAt: "2027-03-01T10:00:00.000Z" });
    expect(met?.events).toEqual([]);
    const late = recordPlanReady(release(), at("2027-04-15T08:00:00Z"), EVENT, NOW);
    expect(late && emitted(late)).toEqual(["deadline.breached"]);
    expect(late && recordPlanReady(late.referral, at("2027-04-16T08:00:00Z"), EVENT, NOW)).toBeUndefined();
  });

  it("a withdrawal closes an active referral as `withdrawn`, touching no deadline", () => {
    const t = withdrawNotice(release(), EVENT, NOW);
    expect(t?.referral).toMatchObject({ status: "withdrawn", closure: { reason: "withdrawn", by: EVENT } });
    expect(t?.referral.deadlines).toEqual([PLAN]);
    expect(t && dataOf(t, "referral.closed")).toMatchObject({ reason: "withdrawn" });
    expect(withdrawNotice(release({ status: "closed" }), EVENT, NOW)).toBeUndefined();
  });
});

describe("the sweep's breaches", () => {
  it("marks every deadline due and still open, one deadline.breached each, and moves only the version", () => {
    const current = referral();
    const t = breachOverdue(current, at("2026-12-08T00:00:00+01:00"));
    expect(t.referral.deadlines.map((d) => d.state)).toEqual(["breached", "breached"]);
    expect(emitted(t)).toEqual(["deadline.breached", "deadline.breached"]);
    expect(t.referral).toMatchObject({ version: 4, updatedAt: current.updatedAt });
    expect(t.expectedVersion).toBe(3);
    expect(t.audit).toEqual([]);
    expect(breachOverdue(t.referral, at("2026-12-09T00:00:00+01:00")).events).toEqual([]);
  });
});
