import { describe, expect, it } from "vitest";
import { hotlineActionWords } from "../src/audit/hotline-words";
import { releaseActionWords } from "../src/audit/release-words";

describe("audit actions in words", () => {
  it("says what happened to a release notice, with the milestone", () => {
    expect(releaseActionWords("read")).toBe("Underrättelsen lästes med personuppgifter");
    expect(releaseActionWords("read-status")).toBe("Kriminalvården läste statusen");
    expect(releaseActionWords("milestone:plan-ready")).toBe("Planering registrerades: Planen klar");
    expect(releaseActionWords("withdraw")).toBe("Kriminalvården återkallade underrättelsen");
    expect(releaseActionWords("something-new")).toBe("Händelse: something-new");
  });

  it("says what happened to a triage or a schedule, with the step and its status", () => {
    expect(hotlineActionWords("read")).toBe("Triageringen lästes med uppringarens nummer");
    expect(hotlineActionWords("step:threat-assessment:done")).toBe(
      "Steg registrerades: Hotbedömning med polisen – Gjort",
    );
    expect(hotlineActionWords("step:decision:not-needed")).toBe(
      "Steg registrerades: Dokumenterat beslut – Behövs inte",
    );
    expect(hotlineActionWords("schedule:put")).toBe("Jourschemat sparades");
    expect(hotlineActionWords("toString")).toBe("Händelse: toString");
  });
});
