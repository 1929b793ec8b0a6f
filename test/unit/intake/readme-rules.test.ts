/**
 * The README's rule table is what caseworkers and reviewers read: every row of the rules table
 * must be there with its provision and the date it took effect, and every provision that could
 * not be verified must say so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEADLINE_RULES } from "../../../services/intake/domain/deadlines/rules";
import { SOL_2001, SOL_2025 } from "../../../services/intake/domain/deadlines/sources";

const readme = readFileSync(new URL("../../../services/intake/README.md", import.meta.url), "utf8");
const table = readme.slice(
  readme.indexOf("| deadline | for | due | source"),
  readme.indexOf("An **adult's**"),
);

describe("the README's rule table", () => {
  it("lists every statutory row with its provision and the date it took effect", () => {
    for (const rule of DEADLINE_RULES) {
      if (rule.source.kind !== "statute" || !rule.source.citation.startsWith(SOL_2001)) continue;
      const provisions = rule.source.citation.slice(SOL_2001.length).split(";")[0]?.trim() ?? "";
      expect(table, rule.type).toContain(provisions.split(" (")[0] ?? provisions);
      expect(table, rule.type).toContain(rule.source.inForceFrom);
      if (rule.source.unverified) expect(table).toMatch(/\*\*unverified\*\*/);
    }
    expect(table).toContain(SOL_2025);
    expect(table).toContain("2025-07-01");
  });

  it("labels the local agreements as not law", () => {
    for (const rule of DEADLINE_RULES) {
      if (rule.source.kind !== "local-agreement") continue;
      const row = table.split("\n").find((line) => line.trimStart().startsWith(`| \`${rule.type}\``));
      expect(row, rule.type).toMatch(/\*local agreement\*.*not law/);
    }
  });
});
