/**
 * Recording an intervention is an entry in the case: the referral's last entry, and with it the
 * referral's expiry (gallring, five years after the last entry), moves to the day it is recorded.
 */
import { describe, expect, it } from "vitest";
import {
  changeIntervention,
  decideIntervention,
  emptyLedger,
  type InterventionTransition,
} from "../../../services/intake/domain/intervention";
import { referralExpiry, withInterventionEntry } from "../../../services/intake/domain/retention";
import { allowed, at, referral } from "./referral-fixture";

/** Received 23 November 2026 and not touched since: deletable from 24 November 2031 in Sweden. */
const CLOSED = referral({
  kind: "self-referral",
  unit: "utredning-unga-vuxna",
  ageGroup: "18-30",
  status: "closed",
  version: 7,
});
const ID = "01KINTERVENTION00000000001";

const decided = (now: Date): InterventionTransition =>
  allowed(
    decideIntervention(
      CLOSED,
      emptyLedger(CLOSED.id),
      { id: ID, type: "sig", decidedAt: "2026-11-25" },
      "hl-1",
      now,
    ),
  );

describe("an intervention moves the referral's expiry", () => {
  it("before any intervention, the referral goes five years after its last entry", () => {
    expect(referralExpiry(CLOSED)).toEqual(at("2031-11-23T23:00:00Z"));
  });

  it("deciding one makes now the last entry: the expiry moves to five years after it, the version by one", () => {
    const transition = decided(at("2027-03-10T14:00:00+01:00"));
    expect(transition.referral).toMatchObject({
      updatedAt: "2027-03-10T13:00:00.000Z",
      version: 8,
      status: "closed",
    });
    expect(transition.expectedReferralVersion).toBe(7);
    expect(referralExpiry(transition.referral)).toEqual(at("2032-03-10T23:00:00Z"));
  });

  it("starting and ending it years later move it again, so a running intervention keeps its referral", () => {
    const first = decided(at("2027-03-10T14:00:00+01:00"));
    const startedAt = at("2031-06-01T09:00:00+02:00");
    const started = allowed(
      changeIntervention(first.referral, first.ledger, ID, { startedAt: "2031-06-01" }, "hl-1", startedAt),
    );
    if (!started) throw new Error("expected a start");
    // Without the start, the referral would have gone in March 2032, while the SIG runs.
    expect(referralExpiry(started.referral)).toEqual(at("2036-06-01T22:00:00Z"));
    const ended = allowed(
      changeIntervention(
        started.referral,
        started.ledger,
        ID,
        { end: { endedAt: "2032-05-02", outcome: "completed" } },
        "hl-1",
        at("2032-05-02T10:00:00+02:00"),
      ),
    );
    expect(ended?.referral.updatedAt).toBe("2032-05-02T08:00:00.000Z");
    expect(ended && referralExpiry(ended.referral)).toEqual(at("2037-05-02T22:00:00Z"));
  });

  it("a step sent again records no entry and moves nothing", () => {
    const first = allowed(
      decideIntervention(
        CLOSED,
        emptyLedger(CLOSED.id),
        { id: ID, type: "sig", decidedAt: "2026-11-25", startedAt: "2026-11-25" },
        "hl-1",
        at("2026-11-25T10:00:00+01:00"),
      ),
    );
    const again = changeIntervention(
      first.referral,
      first.ledger,
      ID,
      { startedAt: "2026-11-25" },
      "hl-1",
      at("2027-01-10T10:00:00+01:00"),
    );
    expect(allowed(again)).toBeUndefined();
  });

  it("a referral kept for research stays without an expiry", () => {
    const kept = withInterventionEntry({ ...CLOSED, keptForResearch: true }, at("2027-03-10T14:00:00+01:00"));
    expect(referralExpiry(kept)).toBeUndefined();
  });
});
