import { describe, expect, it } from "vitest";
import { fieldMessage } from "../src/api/problem";
import { checkDraft, emptyDraft, type ScheduleDraft } from "../src/hotline/schedule-draft";
import { walkTimeline } from "../src/hotline/timeline";
import { instantToWall, isTimeZone, wallToInstant } from "../src/hotline/zoned";

const STOCKHOLM = "Europe/Stockholm";

describe("wall-clock times in the schedule's zone", () => {
  it("places a time on either side of the spring switch with that side's offset", () => {
    expect(wallToInstant("2027-03-27T18:00", STOCKHOLM)?.toISOString()).toBe("2027-03-27T17:00:00.000Z");
    expect(wallToInstant("2027-03-29T08:00", STOCKHOLM)?.toISOString()).toBe("2027-03-29T06:00:00.000Z");
  });

  it("moves a skipped time on by the hour skipped, and takes the second of a repeated one, as the hotline does", () => {
    expect(wallToInstant("2027-03-28T02:30", STOCKHOLM)?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(wallToInstant("2027-10-31T02:30", STOCKHOLM)?.toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });

  it("refuses what is not a time, and reads an instant back as the field shows it", () => {
    expect(wallToInstant("2027-02-30T08:00", STOCKHOLM)).toBeUndefined();
    expect(wallToInstant("2027-03-27 18:00", STOCKHOLM)).toBeUndefined();
    expect(instantToWall("2027-03-29T06:00:00Z", STOCKHOLM)).toBe("2027-03-29T08:00");
    expect(instantToWall("2027-03-29T06:00:00Z", "America/New_York")).toBe("2027-03-29T02:00");
  });

  it("knows a zone as Intl does", () => {
    expect(isTimeZone("Europe/Stockholm")).toBe(true);
    expect(isTimeZone("Europe/Kalmar")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

const filled = (): ScheduleDraft => ({
  ...emptyDraft("2027-03-15"),
  hotlineNumber: "+46766860000",
  members: [
    { key: 1, id: "anna", name: "Anna Lind", phone: "+46701000001" },
    { key: 2, id: "cilla", name: "Cilla Berg", phone: "" },
  ],
  overrides: [{ key: 3, memberId: "maja", start: "2027-03-27T18:00", end: "2027-03-29T08:00" }],
  manager: { id: "maja", name: "Maja Holm", phone: "+46701000009" },
  fallbackMessage: "https://ljud.kalmar.se/avhopp.mp3",
});

describe("the schedule form's checks", () => {
  it("sends what the API takes: trimmed, numbers as numbers, overrides as instants, no empty phone", () => {
    const checked = checkDraft(filled());
    expect(checked).toEqual({
      ok: true,
      body: {
        hotlineNumber: "+46766860000",
        timeZone: STOCKHOLM,
        handoffTime: "08:00",
        rotation: {
          startDate: "2027-03-15",
          shiftDays: 7,
          members: [
            { id: "anna", name: "Anna Lind", phone: "+46701000001" },
            { id: "cilla", name: "Cilla Berg" },
          ],
        },
        overrides: [{ memberId: "maja", start: "2027-03-27T17:00:00.000Z", end: "2027-03-29T06:00:00.000Z" }],
        manager: { id: "maja", name: "Maja Holm", phone: "+46701000009" },
        ringSeconds: 25,
        fallbackMessage: "https://ljud.kalmar.se/avhopp.mp3",
      },
    });
  });

  it("names each field at fault on the API's path, in words the console says in Swedish", () => {
    const draft = filled();
    const checked = checkDraft({
      ...draft,
      hotlineNumber: "0701234567",
      timeZone: "Europe/Kalmar",
      shiftDays: "30",
      members: [
        draft.members[0],
        { key: 9, id: "anna", name: "", phone: "+46 70" },
      ] as ScheduleDraft["members"],
      ringSeconds: "2",
      fallbackMessage: "http://ljud.kalmar.se/a.mp3",
    });
    expect(checked.ok).toBe(false);
    const said = Object.fromEntries((checked.ok ? [] : checked.fields).map((f) => [f.path, fieldMessage(f)]));
    expect(said).toEqual({
      hotlineNumber: "måste vara ett telefonnummer med landsnummer, som +46701234567",
      timeZone: "måste vara en tidszon som Europe/Stockholm",
      "rotation.shiftDays": "får vara högst 28",
      "rotation.members.1.name": "måste fyllas i",
      "rotation.members.1.phone": "måste vara ett telefonnummer med landsnummer, som +46701234567",
      "rotation.members": "samma id får inte förekomma två gånger",
      ringSeconds: "måste vara minst 5",
      fallbackMessage: "måste vara en https-adress",
    });
  });

  it("wants an override's end after its start and its person in the schedule", () => {
    const checked = checkDraft({
      ...filled(),
      overrides: [{ key: 4, memberId: "bo", start: "2027-03-29T08:00", end: "2027-03-29T08:00" }],
    });
    expect(checked.ok ? [] : checked.fields).toEqual([
      { path: "overrides.0.memberId", message: "must be a member of the rotation or the manager" },
      { path: "overrides.0.end", message: "must be after start" },
    ]);
  });
});

describe("the four-week timeline, asked of the API", () => {
  const at = (iso: string) => new Date(iso);
  it("steps from each stretch's end to the next, through a stretch with nobody, and marks a member without a phone", async () => {
    const asked: string[] = [];
    const stretches = [
      {
        memberId: "anna",
        name: "Anna",
        from: "2027-03-15T07:00:00Z",
        until: "2027-03-22T07:00:00Z",
        override: false,
      },
      {
        memberId: "cilla",
        name: "Cilla",
        from: "2027-03-22T07:00:00Z",
        until: "2027-03-27T17:00:00Z",
        override: false,
      },
      {
        memberId: "maja",
        name: "Maja",
        from: "2027-03-27T17:00:00Z",
        until: "2027-03-29T06:00:00Z",
        override: true,
      },
    ];
    const rows = await walkTimeline(
      at("2027-03-15T09:00:00Z"),
      at("2027-04-12T09:00:00Z"),
      async (instant) => {
        asked.push(instant.toISOString());
        return stretches.find(
          (s) => Date.parse(s.from) <= instant.getTime() && instant.getTime() < Date.parse(s.until),
        );
      },
      [
        { kind: "no-phone", start: "2027-03-22T07:00:00Z", end: "2027-03-27T17:00:00Z", memberId: "cilla" },
        { kind: "nobody-on-call", start: "2027-03-29T06:00:00Z", end: "2027-04-05T06:00:00Z" },
      ],
    );
    expect(asked).toEqual([
      "2027-03-15T09:00:00.000Z",
      "2027-03-22T07:00:00.000Z",
      "2027-03-27T17:00:00.000Z",
      "2027-03-29T06:00:00.000Z",
      "2027-04-05T06:00:00.000Z",
    ]);
    expect(
      rows.map((r) => [r.kind, r.kind === "on-call" ? `${r.memberId}${r.noPhone ? "!" : ""}` : "", r.end]),
    ).toEqual([
      ["on-call", "anna", "2027-03-22T07:00:00Z"],
      ["on-call", "cilla!", "2027-03-27T17:00:00Z"],
      ["on-call", "maja", "2027-03-29T06:00:00Z"],
      ["nobody", "", "2027-04-05T06:00:00.000Z"],
      // Beyond the listed gaps: nobody as far as the outlook reaches, and the walk ends.
      ["nobody", "", "2027-04-12T09:00:00.000Z"],
    ]);
  });
});
