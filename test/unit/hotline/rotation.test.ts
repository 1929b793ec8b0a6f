import { describe, expect, it } from "vitest";
import {
  escalationChain,
  gaps,
  handoffInstant,
  memberAt,
  onCallAt,
  type Schedule,
  shiftAt,
} from "../../../services/hotline/domain/rotation";

const at = (iso: string) => new Date(iso);

const ANNA = { id: "anna", name: "Anna", phone: "+46701000001" };
const BO = { id: "bo", name: "Bo", phone: "+46701000002" };
const CILLA = { id: "cilla", name: "Cilla", phone: "+46701000003" };
const MANAGER = { id: "maja", name: "Maja", phone: "+46701000009" };

const schedule = (
  overrides: Partial<Schedule> = {},
  rotation: Partial<Schedule["rotation"]> = {},
): Schedule => ({
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: { startDate: "2026-03-27", shiftDays: 1, members: [ANNA, BO, CILLA], ...rotation },
  overrides: [],
  manager: MANAGER,
  ringSeconds: 25,
  ...overrides,
});

describe("the rotation", () => {
  it("hands over at the local handoff time, one member per shift, in order", () => {
    const s = schedule();
    expect(memberAt(s, at("2026-03-27T06:59:00Z"))).toBeUndefined(); // 07:59 CET, before the first shift
    expect(memberAt(s, at("2026-03-27T07:00:00Z"))?.memberId).toBe("anna"); // 08:00 CET
    expect(memberAt(s, at("2026-03-28T06:59:00Z"))?.memberId).toBe("anna");
    expect(memberAt(s, at("2026-03-28T07:00:00Z"))?.memberId).toBe("bo");
    // Round again after the last member.
    expect(memberAt(s, at("2026-03-30T12:00:00Z"))?.memberId).toBe("anna");
  });

  it("hands over at 08:00 local on the day summer time begins (the shift before is 23 hours)", () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST, so 08:00 local is 06:00 UTC, not 07:00.
    const s = schedule();
    expect(memberAt(s, at("2026-03-29T05:59:00Z"))?.memberId).toBe("bo");
    expect(memberAt(s, at("2026-03-29T06:00:00Z"))?.memberId).toBe("cilla");
    const shift = shiftAt(s, at("2026-03-29T05:00:00Z"));
    expect(shift?.from.toISOString()).toBe("2026-03-28T07:00:00.000Z");
    expect(shift?.until.toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });

  it("hands over at 08:00 local on the day summer time ends (the shift before is 25 hours)", () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 08:00 local is 07:00 UTC, not 06:00.
    const s = schedule({}, { startDate: "2026-10-23" });
    expect(memberAt(s, at("2026-10-25T06:30:00Z"))?.memberId).toBe("bo");
    expect(memberAt(s, at("2026-10-25T07:00:00Z"))?.memberId).toBe("cilla");
    const shift = shiftAt(s, at("2026-10-25T06:30:00Z"));
    expect(shift?.from.toISOString()).toBe("2026-10-24T06:00:00.000Z");
    expect(shift?.until.toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("moves a handoff inside the skipped spring hour on by that hour, and takes the second of a repeated one", () => {
    const s = { timeZone: "Europe/Stockholm", handoffTime: "02:30" };
    expect(handoffInstant(s, "2026-03-29").toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
    expect(handoffInstant(s, "2026-10-25").toISOString()).toBe("2026-10-25T01:30:00.000Z"); // 02:30 CET
  });

  it("counts week-long shifts in local days across the switch", () => {
    const s = schedule({}, { startDate: "2026-03-23", shiftDays: 7 });
    const week = shiftAt(s, at("2026-03-29T12:00:00Z"));
    expect(week?.memberId).toBe("anna");
    expect(week?.from.toISOString()).toBe("2026-03-23T07:00:00.000Z");
    // A week of 167 hours: it ends at 08:00 CEST.
    expect(week?.until.toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(memberAt(s, at("2026-03-30T06:00:00Z"))?.memberId).toBe("bo");
  });
});

describe("overrides", () => {
  it("put their member on call for their stretch, and the rotation resumes after", () => {
    const s = schedule({
      overrides: [
        { start: "2026-03-28T12:00:00+01:00", end: "2026-03-28T18:00:00+01:00", memberId: "cilla" },
      ],
    });
    const during = onCallAt(s, at("2026-03-28T13:00:00Z"));
    expect(during).toMatchObject({ member: { id: "cilla" }, override: true });
    expect(during?.from.toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(during?.until.toISOString()).toBe("2026-03-28T17:00:00.000Z");
    const after = onCallAt(s, at("2026-03-28T18:00:00Z"));
    expect(after).toMatchObject({ member: { id: "bo" }, override: false });
    expect(after?.from.toISOString()).toBe("2026-03-28T17:00:00.000Z");
    // Bo's shift ends at the handoff on the day summer time begins.
    expect(after?.until.toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });

  it("let a later override win where two overlap, and may put the manager on call", () => {
    const s = schedule({
      overrides: [
        { start: "2026-03-28T10:00:00Z", end: "2026-03-28T20:00:00Z", memberId: "cilla" },
        { start: "2026-03-28T12:00:00Z", end: "2026-03-28T14:00:00Z", memberId: "maja" },
      ],
    });
    expect(memberAt(s, at("2026-03-28T11:00:00Z"))?.memberId).toBe("cilla");
    expect(memberAt(s, at("2026-03-28T13:00:00Z"))?.memberId).toBe("maja");
    expect(memberAt(s, at("2026-03-28T15:00:00Z"))?.memberId).toBe("cilla");
  });

  it("merge with the rotation into one stretch when they name the member already on call", () => {
    const s = schedule({
      overrides: [{ start: "2026-03-28T10:00:00Z", end: "2026-03-28T12:00:00Z", memberId: "bo" }],
    });
    const stretch = onCallAt(s, at("2026-03-28T11:00:00Z"));
    expect(stretch?.member.id).toBe("bo");
    expect(stretch?.override).toBe(true);
  });
});

describe("the escalation chain", () => {
  it("rings the member on call, then the next in the rotation, then the manager", () => {
    expect(escalationChain(schedule(), at("2026-03-28T12:00:00Z"))).toEqual([
      { memberId: "bo", role: "on-call", phone: BO.phone },
      { memberId: "cilla", role: "rotation", phone: CILLA.phone },
      { memberId: "maja", role: "manager", phone: MANAGER.phone },
    ]);
  });

  it("rings the override member first, and the next shift's member after", () => {
    const s = schedule({
      overrides: [{ start: "2026-03-28T10:00:00Z", end: "2026-03-28T20:00:00Z", memberId: "anna" }],
    });
    expect(escalationChain(s, at("2026-03-28T12:00:00Z")).map((l) => [l.memberId, l.role])).toEqual([
      ["anna", "on-call"],
      ["cilla", "rotation"],
      ["maja", "manager"],
    ]);
  });

  it("rings the next member with a phone, and last the member an override stood in for", () => {
    const s = schedule(
      { overrides: [{ start: "2026-03-28T10:00:00Z", end: "2026-03-28T20:00:00Z", memberId: "cilla" }] },
      { members: [ANNA, BO, { id: "cilla", name: "Cilla", phone: CILLA.phone }, { id: "dan", name: "Dan" }] },
    );
    // Bo's shift, Cilla stands in; Cilla is also next, Dan has no phone: Anna, then Bo himself.
    expect(escalationChain(s, at("2026-03-28T12:00:00Z")).map((l) => [l.memberId, l.role])).toEqual([
      ["cilla", "on-call"],
      ["anna", "rotation"],
      ["maja", "manager"],
    ]);
    const two = schedule(
      { overrides: [{ start: "2026-03-28T10:00:00Z", end: "2026-03-28T20:00:00Z", memberId: "anna" }] },
      { members: [ANNA, BO] },
    );
    expect(escalationChain(two, at("2026-03-28T12:00:00Z")).map((l) => l.memberId)).toEqual([
      "anna",
      "bo",
      "maja",
    ]);
  });

  it("skips whoever has no phone, and rings nobody twice", () => {
    const s = schedule({}, { members: [ANNA, { id: "bo", name: "Bo" }] });
    expect(escalationChain(s, at("2026-03-28T12:00:00Z")).map((l) => [l.memberId, l.role])).toEqual([
      ["anna", "rotation"],
      ["maja", "manager"],
    ]);
    const alone = schedule({}, { members: [ANNA] });
    expect(escalationChain(alone, at("2026-03-28T12:00:00Z")).map((l) => l.memberId)).toEqual([
      "anna",
      "maja",
    ]);
  });

  it("still rings the manager when nobody is on call", () => {
    expect(escalationChain(schedule(), at("2026-03-20T12:00:00Z"))).toEqual([
      { memberId: "maja", role: "manager", phone: MANAGER.phone },
    ]);
  });
});

describe("gaps", () => {
  it("reports the stretch before the rotation starts and a member without a phone", () => {
    const s = schedule({}, { members: [ANNA, { id: "bo", name: "Bo" }, CILLA] });
    const found = gaps(s, at("2026-03-26T07:00:00Z"), at("2026-03-29T07:00:00Z"));
    expect(found.map((g) => ({ ...g, start: g.start.toISOString(), end: g.end.toISOString() }))).toEqual([
      { kind: "nobody-on-call", start: "2026-03-26T07:00:00.000Z", end: "2026-03-27T07:00:00.000Z" },
      {
        kind: "no-phone",
        memberId: "bo",
        start: "2026-03-28T07:00:00.000Z",
        end: "2026-03-29T06:00:00.000Z",
      },
    ]);
  });

  it("reports nothing for a schedule that covers every hour with reachable people", () => {
    expect(gaps(schedule(), at("2026-04-01T00:00:00Z"), at("2026-04-08T00:00:00Z"))).toEqual([]);
  });

  it("does not count an override by a member with a phone as a gap, even over a phoneless shift", () => {
    const s = schedule(
      { overrides: [{ start: "2026-03-28T07:00:00Z", end: "2026-03-29T06:00:00Z", memberId: "cilla" }] },
      { members: [ANNA, { id: "bo", name: "Bo" }, CILLA] },
    );
    expect(gaps(s, at("2026-03-28T00:00:00Z"), at("2026-03-29T12:00:00Z"))).toEqual([]);
  });
});
