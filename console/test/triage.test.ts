import { describe, expect, it } from "vitest";
import type { TriageDetail } from "../src/api/types";
import { byDueAt, msLeftAt, pendingStepsOf, stepsHandled, withoutCaller } from "../src/hotline/triage";

const triage = (overrides: Partial<TriageDetail> = {}): TriageDetail => ({
  id: "01T",
  callId: "c1",
  municipality: "0880",
  status: "open",
  receivedAt: "2026-11-28T22:40:00.000Z",
  answeredBy: "bo",
  answeredRole: "on-call",
  deadline: { dueAt: "2026-11-29T22:40:00.000Z", state: "open", minutesLeft: 1440 },
  steps: {
    "threat-assessment": { status: "done" },
    "protective-placement": { status: "not-needed", reason: "Bor hos anhörig" },
    decision: { status: "pending" },
    "financial-assistance": { status: "pending" },
  },
  acknowledged: null,
  escalated: null,
  completedAt: null,
  caller: { phone: "+46706861004" },
  person: null,
  ...overrides,
});

describe("the triage's countdown", () => {
  it("counts from the server's minutes left, whatever this device's clock says", () => {
    const readAt = Date.parse("2020-01-01T00:00:00Z"); // a device years behind
    expect(msLeftAt(1440, readAt, readAt + 90_000)).toBe(24 * 3_600_000 - 90_000);
    expect(msLeftAt(-20, readAt, readAt)).toBe(-20 * 60_000);
  });
});

describe("the triage's steps", () => {
  it("counts done and not needed as handled", () => {
    expect(stepsHandled(triage())).toBe(2);
  });

  it("reads the pending steps a 409 names, in the console's order", () => {
    expect(
      pendingStepsOf([
        { path: "steps.financial-assistance", message: "is pending" },
        { path: "steps.decision", message: "is pending" },
      ]),
    ).toEqual(["decision", "financial-assistance"]);
  });
});

describe("what the console keeps of a triage", () => {
  it("drops the caller's number and identity", () => {
    const shown = withoutCaller(triage({ person: { personalIdentityNumber: "199001010017" } }));
    expect(JSON.stringify(shown)).not.toContain("+4670");
    expect(JSON.stringify(shown)).not.toContain("19900101");
  });

  it("orders a section by the time left", () => {
    const late = triage({
      id: "late",
      deadline: { dueAt: "2026-11-29T10:00:00.000Z", state: "open", minutesLeft: 1 },
    });
    expect(byDueAt([triage(), late]).map((t) => t.id)).toEqual(["late", "01T"]);
  });
});
