/** The intervention rules, pure: what staff may record on a referral, which events follow, and which dates fit. */

import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  changeIntervention,
  decideIntervention,
  emptyLedger,
  type InterventionLedger,
  type InterventionTransition,
  MAX_INTERVENTIONS_PER_REFERRAL,
} from "../../../services/intake/domain/intervention";
import { INTERVENTION_CATALOGUE, interventionTypeOf } from "../../../shared/interventions";
import { allowed, at, referral, refusal } from "./referral-fixture";

/** Received 23 November 2026; now is 1 December 2026 in Sweden. */
const NOW = at("2026-12-01T10:00:00+01:00");
const YOUNG_ADULT = referral({ kind: "self-referral", unit: "utredning-unga-vuxna", ageGroup: "18-30" });
const ID = "01KINTERVENTION00000000001";

const decide = (
  body: { type?: "sig" | "fft" | "sip-bup" | "other"; decidedAt?: string; startedAt?: string } = {},
  ledger: InterventionLedger = emptyLedger(YOUNG_ADULT.id),
  current = YOUNG_ADULT,
  id = ID,
) =>
  decideIntervention(
    current,
    ledger,
    { id, type: body.type ?? "sig", decidedAt: body.decidedAt ?? "2026-11-25", startedAt: body.startedAt },
    "hl-1",
    NOW,
  );

const emitted = (t: InterventionTransition) =>
  t.events.map((e) => {
    z.parse(e.contract.data, e.data);
    return e.contract.type;
  });
const dataOf = (t: InterventionTransition, type: string) =>
  t.events.find((e) => e.contract.type === type)?.data;

describe("the catalogue", () => {
  it("holds the issue's types, each with names, Cylindermodellen bands and a provider; other needs a description", () => {
    expect(INTERVENTION_CATALOGUE.map((t) => t.id)).toEqual([
      "sig",
      "fft",
      "fft-gang",
      "entre",
      "minimaria",
      "ungdomstjanst",
      "resursteam",
      "skyddsplacering",
      "ekonomiskt-bistand",
      "sip-bup",
      "other",
    ]);
    for (const t of INTERVENTION_CATALOGUE) {
      expect(t.name.sv.length).toBeGreaterThan(0);
      expect(t.ageBands.length).toBeGreaterThan(0);
    }
    expect(interventionTypeOf("other").requiresDescription).toBe(true);
    expect(interventionTypeOf("sig").requiresDescription).toBeUndefined();
  });
});

describe("deciding an intervention", () => {
  it("records the decision, audited, with one intervention.decided that names no person", () => {
    const t = allowed(decide());
    expect(t.expectedVersion).toBe(0);
    expect(t.ledger.version).toBe(1);
    expect(t.intervention).toMatchObject({ id: ID, type: "sig", decidedAt: "2026-11-25" });
    expect(t.intervention.startedAt).toBeUndefined();
    expect(emitted(t)).toEqual(["intervention.decided"]);
    expect(dataOf(t, "intervention.decided")).toEqual({
      referralId: YOUNG_ADULT.id,
      interventionId: ID,
      kind: "self-referral",
      unit: "utredning-unga-vuxna",
      ageGroup: "18-30",
      type: "sig",
      decidedAt: "2026-11-25",
    });
    expect(t.audit).toEqual([
      { referralId: YOUNG_ADULT.id, action: `intervention:decide:${ID}`, actor: "hl-1", at: NOW },
    ]);
  });

  it("with a start: also intervention.started, days counted from the referral's Swedish receipt date, first on the referral", () => {
    const t = allowed(decide({ startedAt: "2026-11-30" }));
    expect(emitted(t)).toEqual(["intervention.decided", "intervention.started"]);
    expect(dataOf(t, "intervention.started")).toMatchObject({
      startedAt: "2026-11-30",
      daysFromReferral: 7,
      firstOnReferral: true,
    });
  });

  it("a second intervention started on the referral is not its first", () => {
    const first = allowed(decide({ startedAt: "2026-11-26" }));
    const second = allowed(
      decide(
        { type: "sip-bup", startedAt: "2026-11-30" },
        first.ledger,
        YOUNG_ADULT,
        "01KINTERVENTION00000000002",
      ),
    );
    expect(second.expectedVersion).toBe(1);
    expect(second.ledger.interventions.map((i) => i.id)).toEqual([ID, "01KINTERVENTION00000000002"]);
    expect(dataOf(second, "intervention.started")).toMatchObject({ type: "sip-bup", firstOnReferral: false });
  });

  it("refuses dates that do not fit: before receipt, a start before the decision, the future", () => {
    expect(refusal(decide({ decidedAt: "2026-11-22" }))).toEqual({
      kind: "unprocessable",
      code: "dates",
      fields: ["decidedAt"],
    });
    expect(refusal(decide({ decidedAt: "2026-11-25", startedAt: "2026-11-24" })).fields).toEqual([
      "startedAt",
    ]);
    expect(refusal(decide({ decidedAt: "2026-12-02", startedAt: "2026-12-03" })).fields).toEqual([
      "decidedAt",
      "startedAt",
    ]);
    // The referral's receipt day and today are both allowed.
    expect(allowed(decide({ decidedAt: "2026-11-23", startedAt: "2026-12-01" })).intervention.startedAt).toBe(
      "2026-12-01",
    );
  });

  it("refuses a withdrawn referral, and more than the ledger holds; a closed referral may still get one", () => {
    expect(refusal(decide({}, emptyLedger(YOUNG_ADULT.id), { ...YOUNG_ADULT, status: "withdrawn" }))).toEqual(
      {
        kind: "conflict",
        code: "not-active",
        fields: undefined,
      },
    );
    expect(
      allowed(decide({}, emptyLedger(YOUNG_ADULT.id), { ...YOUNG_ADULT, status: "closed" })),
    ).toBeDefined();
    const full: InterventionLedger = {
      referralId: YOUNG_ADULT.id,
      interventions: Array.from({ length: MAX_INTERVENTIONS_PER_REFERRAL }, (_, i) => ({
        id: `01KINTERVENTION${String(i).padStart(11, "0")}`,
        type: "fft" as const,
        decidedAt: "2026-11-24",
        recorded: { at: "2026-11-24T10:00:00.000Z", by: "hl-1" },
      })),
      version: MAX_INTERVENTIONS_PER_REFERRAL,
    };
    expect(refusal(decide({}, full)).code).toBe("too-many-interventions");
  });
});

describe("starting and ending an intervention", () => {
  const decided = allowed(decide()).ledger;
  const change = (
    command: Parameters<typeof changeIntervention>[3],
    ledger = decided,
    id = ID,
    current = YOUNG_ADULT,
  ) => changeIntervention(current, ledger, id, command, "hl-2", NOW);

  it("a start emits intervention.started and is audited; the same start again changes nothing", () => {
    const t = allowed(change({ startedAt: "2026-11-28" }));
    expect(t?.expectedVersion).toBe(1);
    expect(t && emitted(t)).toEqual(["intervention.started"]);
    expect(t && dataOf(t, "intervention.started")).toMatchObject({
      daysFromReferral: 5,
      firstOnReferral: true,
    });
    expect(t?.audit.map((a) => a.action)).toEqual([`intervention:start:${ID}`]);
    expect(t?.intervention.startRecorded).toEqual({ at: NOW.toISOString(), by: "hl-2" });
    if (!t) throw new Error("no transition");
    expect(allowed(change({ startedAt: "2026-11-28" }, t.ledger))).toBeUndefined();
    expect(refusal(change({ startedAt: "2026-11-29" }, t.ledger)).code).toBe("already-started");
  });

  it("an end with its outcome emits intervention.ended; start and end may come together", () => {
    const t = allowed(
      change({ startedAt: "2026-11-26", end: { endedAt: "2026-11-30", outcome: "ended-early" } }),
    );
    expect(t && emitted(t)).toEqual(["intervention.started", "intervention.ended"]);
    expect(t && dataOf(t, "intervention.ended")).toMatchObject({
      startedAt: "2026-11-26",
      endedAt: "2026-11-30",
      outcome: "ended-early",
    });
    if (!t) throw new Error("no transition");
    // Ended: the same end again is a retry, another one a conflict, and a late start too.
    expect(
      allowed(change({ end: { endedAt: "2026-11-30", outcome: "ended-early" } }, t.ledger)),
    ).toBeUndefined();
    expect(refusal(change({ end: { endedAt: "2026-11-30", outcome: "completed" } }, t.ledger)).code).toBe(
      "already-ended",
    );
  });

  it("declined or moved may end what never started; completed and ended-early need a start", () => {
    const declined = allowed(change({ end: { endedAt: "2026-11-27", outcome: "declined" } }));
    expect(declined && dataOf(declined, "intervention.ended")).not.toHaveProperty("startedAt");
    if (!declined) throw new Error("no transition");
    expect(refusal(change({ startedAt: "2026-11-28" }, declined.ledger)).code).toBe("already-ended");
    expect(refusal(change({ end: { endedAt: "2026-11-27", outcome: "completed" } })).fields).toEqual([
      "outcome",
    ]);
  });

  it("refuses an end before the start or the decision, a start before the decision, and the future", () => {
    expect(refusal(change({ startedAt: "2026-11-24" })).fields).toEqual(["startedAt"]);
    expect(
      refusal(change({ startedAt: "2026-11-27", end: { endedAt: "2026-11-26", outcome: "completed" } }))
        .fields,
    ).toEqual(["endedAt"]);
    expect(refusal(change({ end: { endedAt: "2026-11-24", outcome: "moved" } })).fields).toEqual(["endedAt"]);
    expect(refusal(change({ startedAt: "2026-12-02" })).fields).toEqual(["startedAt"]);
  });

  it("an id of no intervention on this referral is not found", () => {
    expect(refusal(change({ startedAt: "2026-11-28" }, decided, "01KINTERVENTION00000000099")).kind).toBe(
      "not-found",
    );
  });
});
