import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "../src/format";
import { DAY_DEADLINES, durationWords, HOUR_DEADLINES, timeLeftWords, toneOf } from "../src/time-left";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("time left in words", () => {
  it("says the two largest units that matter, in Swedish", () => {
    expect(timeLeftWords(2 * DAY + 3 * HOUR + 10 * MINUTE)).toBe("2 dagar och 3 timmar kvar");
    expect(timeLeftWords(DAY)).toBe("1 dag kvar");
    expect(timeLeftWords(5 * HOUR + 10 * MINUTE)).toBe("5 timmar och 10 minuter kvar");
    expect(timeLeftWords(HOUR + MINUTE)).toBe("1 timme och 1 minut kvar");
    expect(timeLeftWords(12 * MINUTE + 59_000)).toBe("12 minuter kvar");
  });

  it("says how late an overdue deadline is", () => {
    expect(timeLeftWords(-3 * HOUR)).toBe("försenad 3 timmar");
    expect(timeLeftWords(-(DAY + 2 * HOUR))).toBe("försenad 1 dag och 2 timmar");
  });

  it("says now within a minute either side", () => {
    expect(timeLeftWords(30_000)).toBe("nu");
    expect(timeLeftWords(-59_000)).toBe("nu");
  });

  it("drops a zero second unit", () => {
    expect(durationWords(3 * DAY + 20 * MINUTE)).toBe("3 dagar");
  });
});

describe("the tone of a deadline", () => {
  it("is overdue, urgent within a day, soon within three, else in time, for legal deadlines", () => {
    expect(toneOf(-1, DAY_DEADLINES)).toBe("overdue");
    expect(toneOf(DAY - 1, DAY_DEADLINES)).toBe("urgent");
    expect(toneOf(DAY, DAY_DEADLINES)).toBe("soon");
    expect(toneOf(3 * DAY, DAY_DEADLINES)).toBe("ok");
  });

  it("counts hours for the hotline's 24 hours", () => {
    expect(toneOf(HOUR, HOUR_DEADLINES)).toBe("urgent");
    expect(toneOf(5 * HOUR, HOUR_DEADLINES)).toBe("soon");
    expect(toneOf(20 * HOUR, HOUR_DEADLINES)).toBe("ok");
  });
});

describe("dates and times", () => {
  it("are in Swedish time and Swedish format, whatever the zone of the device", () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Sweden (CET).
    expect(formatTime("2026-01-31T23:30:00Z")).toBe("00:30");
    expect(formatDateTime("2026-01-31T23:30:00Z")).toBe("sön 1 feb. 2026 00:30");
    // Summer time: UTC+2.
    expect(formatTime("2026-07-01T08:00:00Z")).toBe("10:00");
  });
});

describe("the hotline's 24 hours", () => {
  it("are counted in hours, not as a day", () => {
    expect(timeLeftWords(24 * HOUR, true)).toBe("24 timmar kvar");
    expect(timeLeftWords(25 * HOUR + 5 * MINUTE, true)).toBe("25 timmar och 5 minuter kvar");
    expect(timeLeftWords(-20 * MINUTE, true)).toBe("försenad 20 minuter");
  });
});
