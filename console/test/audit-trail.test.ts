import { describe, expect, it } from "vitest";
import { type AuditRow, type AuditSource, matchesFilter, readTrail, trailCsv } from "../src/audit/trail";

const row = (at: string, actor = "cw-1001", action = "read"): AuditRow => ({
  at,
  actor,
  action,
  correlationId: "c-1",
});

const source = (
  pages: AuditRow[][],
  filtersOnServer = false,
): AuditSource & { asked: (string | undefined)[] } => {
  const asked: (string | undefined)[] = [];
  return {
    id: "test",
    label: "Test",
    recordLabel: "Id",
    recordField: "record",
    filtersOnServer,
    asked,
    page: async (_filter, cursor) => {
      asked.push(cursor);
      const index = cursor ? Number(cursor) : 0;
      return {
        items: pages[index] ?? [],
        ...(index + 1 < pages.length ? { cursor: String(index + 1) } : {}),
      };
    },
    actionWords: (action) => (action === "read" ? "Ärendet lästes" : action),
  };
};

describe("the audit trail's filters", () => {
  it("takes a period as whole Swedish days, in winter and in summer time", () => {
    const winter = { record: "r", from: "2026-11-24", to: "2026-11-24" };
    expect(matchesFilter(row("2026-11-23T22:59:59Z"), winter)).toBe(false);
    expect(matchesFilter(row("2026-11-23T23:00:00Z"), winter)).toBe(true);
    expect(matchesFilter(row("2026-11-24T22:59:59Z"), winter)).toBe(true);
    expect(matchesFilter(row("2026-11-24T23:00:00Z"), winter)).toBe(false);
    const summer = { record: "r", from: "2027-06-01" };
    expect(matchesFilter(row("2027-05-31T21:59:59Z"), summer)).toBe(false);
    expect(matchesFilter(row("2027-05-31T22:00:00Z"), summer)).toBe(true);
  });

  it("keeps only the person asked for, exactly", () => {
    expect(matchesFilter(row("2026-11-24T09:00:00Z", "cw-1001"), { record: "r", actor: " cw-1001 " })).toBe(
      true,
    );
    expect(matchesFilter(row("2026-11-24T09:00:00Z", "cw-10011"), { record: "r", actor: "cw-1001" })).toBe(
      false,
    );
    expect(matchesFilter(row("2026-11-24T09:00:00Z", "anyone"), { record: "r" })).toBe(true);
  });

  it("reads every page, and filters here only where the route does not", async () => {
    const pages = [[row("2026-11-24T09:00:00Z", "a")], [row("2026-11-24T10:00:00Z", "b")]];
    const here = source(pages);
    expect(await readTrail(here, { record: "r", actor: "b" })).toEqual([pages[1]?.[0]]);
    expect(here.asked).toEqual([undefined, "1"]);
    expect(await readTrail(source(pages, true), { record: "r", actor: "b" })).toHaveLength(2);
  });
});

describe("the audit trail as CSV", () => {
  it("quotes every cell, says the action in words beside its code, and never starts a formula", () => {
    const csv = trailCsv(source([]), "01KREF", [
      row("2026-11-24T09:00:00Z"),
      row("2026-11-24T10:00:00Z", '=HYPERLINK("x")', "close:other"),
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      '"Tidpunkt","Person","Vad","Åtgärd (kod)","Post","Referens"',
      '"2026-11-24T09:00:00Z","cw-1001","Ärendet lästes","read","01KREF","c-1"',
      '"2026-11-24T10:00:00Z","\'=HYPERLINK(""x"")","close:other","close:other","01KREF","c-1"',
      "",
    ]);
  });
});
