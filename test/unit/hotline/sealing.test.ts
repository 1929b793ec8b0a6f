import { describe, expect, it } from "vitest";
import {
  sealCaller,
  sealLegacyStepTexts,
  sealStepText,
  unsealCaller,
  unsealStepTexts,
} from "../../../services/hotline/app/sealing";
import { newCall, triageOfCall } from "../../../services/hotline/domain/call";
import { changed, type Triage } from "../../../services/hotline/domain/triage-state";
import { DEVELOPMENT_KEYS_JSON, parseKeySecret } from "../../../shared/runtime/keys";

const KEYS = parseKeySecret(DEVELOPMENT_KEYS_JSON);
const NOTE = "Hotad av Lindgrens gäng";

const triage = (id: string): Triage =>
  changed(
    triageOfCall(
      newCall({
        callId: `c-${id}`,
        municipality: "0880",
        triageId: id,
        schedule: undefined,
        now: new Date(),
      }),
    ),
    { status: "open" },
  );

const withDecisionNote = (t: Triage, noteSealed: string): Triage =>
  changed(t, { steps: { ...t.steps, decision: { status: "done", noteSealed } } });

describe("sealing what a triage holds about people", () => {
  it("opens a note for the triage and step it was sealed for", () => {
    const t = triage("T1");
    const sealed = sealStepText(NOTE, KEYS, { triageId: "T1", step: "decision", text: "note" });
    expect(sealed).toMatch(/^v1\.dev1\./);
    expect(sealed).not.toContain("Lindgren");
    expect(unsealStepTexts(withDecisionNote(t, sealed), "decision", KEYS)).toEqual({ note: NOTE });
  });

  it("does not open a note moved to another triage, another step, or passed off as a reason", () => {
    const sealed = sealStepText(NOTE, KEYS, { triageId: "T1", step: "decision", text: "note" });
    expect(() => unsealStepTexts(withDecisionNote(triage("T2"), sealed), "decision", KEYS)).toThrow(
      "sealed value could not be opened",
    );
    const t = triage("T1");
    const onOtherStep = changed(t, {
      steps: { ...t.steps, "threat-assessment": { status: "done", noteSealed: sealed } },
    });
    expect(() => unsealStepTexts(onOtherStep, "threat-assessment", KEYS)).toThrow();
    const asReason = changed(t, {
      steps: { ...t.steps, decision: { status: "not-needed", reasonSealed: sealed } },
    });
    expect(() => unsealStepTexts(asReason, "decision", KEYS)).toThrow();
  });

  it("binds the caller's number to its triage as it always has", () => {
    const t = changed(triage("T1"), { callerSealed: sealCaller("+46706861004", KEYS, "T1") });
    expect(unsealCaller(t, KEYS)).toBe("+46706861004");
    expect(() => unsealCaller({ ...t, id: "T2" }, KEYS)).toThrow();
    expect(unsealCaller(triage("T1"), KEYS)).toBeNull();
  });

  it("seals notes and reasons written in clear before, and leaves sealed ones alone", () => {
    const t = triage("T1");
    const sealedNote = sealStepText("redan förseglad", KEYS, {
      triageId: "T1",
      step: "decision",
      text: "note",
    });
    const legacy = changed(t, {
      steps: {
        ...t.steps,
        "threat-assessment": { status: "done", note: NOTE, at: "2026-03-28T12:00:00.000Z", by: "bo" },
        "protective-placement": { status: "not-needed", reason: "Bor hos anhörig" },
        decision: { status: "done", noteSealed: sealedNote },
      },
    });
    const sealed = sealLegacyStepTexts(legacy, KEYS);
    expect(JSON.stringify(sealed)).not.toContain("Lindgren");
    expect(JSON.stringify(sealed)).not.toContain("anhörig");
    expect(sealed.steps["threat-assessment"]).toMatchObject({
      status: "done",
      at: "2026-03-28T12:00:00.000Z",
      by: "bo",
    });
    expect(unsealStepTexts(sealed, "threat-assessment", KEYS)).toEqual({ note: NOTE });
    expect(unsealStepTexts(sealed, "protective-placement", KEYS)).toEqual({ reason: "Bor hos anhörig" });
    expect(sealed.steps.decision.noteSealed).toBe(sealedNote);
    expect(sealLegacyStepTexts(sealed, KEYS)).toBe(sealed);
  });
});
