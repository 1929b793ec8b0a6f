import { describe, expect, it } from "vitest";
import { requireKnownMunicipality, requireOwnMunicipality } from "../../../services/hotline/domain/access";
import {
  calledNumber,
  type OnCallSchedule,
  replaceSchedule,
  requireOnCall,
  requireSchedule,
} from "../../../services/hotline/domain/on-call-schedule";
import type { Schedule } from "../../../services/hotline/domain/rotation";
import type { Caller } from "../../../shared/domain/caller";
import { DomainError } from "../../../shared/domain/errors";

const INPUT: Schedule & { hotlineNumber: string } = {
  hotlineNumber: "+46766860000",
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: {
    startDate: "2026-03-27",
    shiftDays: 7,
    members: [
      { id: "anna", name: "Anna", phone: "+46701000001" },
      { id: "cilla", name: "Cilla", phone: undefined },
    ],
  },
  overrides: [],
  manager: { id: "maja", name: "Maja", phone: "+46701000009" },
  ringSeconds: 25,
};
const NOW = new Date("2026-03-28T12:00:00Z");
const change = { municipality: "0880", actor: "admin-1", now: NOW };

const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("replacing the schedule", () => {
  it("keeps what the administrator sent, who sent it and when, as the first version", () => {
    const first = replaceSchedule(undefined, INPUT, change);
    expect(first).toMatchObject({ municipality: "0880", updatedBy: "admin-1", updatedAt: NOW.toISOString() });
    expect(first.version).toBe(0);
    // A member listed before their phone is known has no phone, not an empty one.
    expect(first.rotation.members[1]).toEqual({ id: "cilla", name: "Cilla" });
    expect(first.fallbackMessage).toBeUndefined();
    expect(replaceSchedule(first, { ...INPUT, ringSeconds: 30 }, change)).toMatchObject({
      ringSeconds: 30,
      version: 1,
    });
  });

  it("is read only where there is one, and says so where there is none", () => {
    expect(refusal(() => requireSchedule(undefined))).toMatchObject({
      kind: "not-found",
      code: "no-schedule",
    });
    const schedule = replaceSchedule(undefined, INPUT, change);
    expect(requireSchedule(schedule)).toBe(schedule);
  });

  it("keeps the hotline number, and knows a call to it from a call to any other number", () => {
    const schedule = replaceSchedule(undefined, INPUT, change);
    expect(schedule.hotlineNumber).toBe("+46766860000");
    expect(calledNumber(schedule, "+46766860000")).toBe("hotline");
    expect(calledNumber(schedule, " +46766860000 ")).toBe("hotline");
    expect(calledNumber(schedule, "+46766860001")).toBe("other-number");
    // A post without `to` cannot be shown to be for this hotline.
    expect(calledNumber(schedule, undefined)).toBe("other-number");
    const saved: OnCallSchedule = { ...schedule, hotlineNumber: undefined };
    expect(calledNumber(saved, "+46766860001")).toBe("not-set");
  });

  it("tells who is on call, and that nobody is before the rotation starts", () => {
    expect(requireOnCall(INPUT, NOW).member.id).toBe("anna");
    expect(refusal(() => requireOnCall(INPUT, new Date("2026-01-01T12:00:00Z")))).toMatchObject({
      kind: "not-found",
      code: "nobody-on-call",
    });
  });
});

describe("access", () => {
  const staff = (municipality?: string): Caller => ({
    subject: "s",
    scopes: new Set(["hotline:admin"]),
    ...(municipality ? { municipality } : {}),
  });

  it("knows only Sweden's municipalities", () => {
    expect(() => requireKnownMunicipality("0880")).not.toThrow();
    expect(refusal(() => requireKnownMunicipality("0000"))).toMatchObject({ kind: "not-found" });
  });

  it("lets staff act in their own municipality only, and a token without one in none", () => {
    expect(() => requireOwnMunicipality(staff("0880"), "0880")).not.toThrow();
    expect(refusal(() => requireOwnMunicipality(staff("0180"), "0880"))).toMatchObject({ kind: "forbidden" });
    expect(refusal(() => requireOwnMunicipality(staff(), "0880"))).toMatchObject({ kind: "forbidden" });
    expect(refusal(() => requireOwnMunicipality(staff("0880"), "9999"))).toMatchObject({ kind: "not-found" });
  });
});
