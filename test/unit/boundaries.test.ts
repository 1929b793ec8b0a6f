import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import config from "../../.dependency-cruiser.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const broken = fileURLToPath(new URL("../fixtures/boundaries/broken", import.meta.url));

/** Cruises `folders` under `baseDir` with the project's rules; returns each violation as "rule: from → to". */
const violations = async (baseDir: string, folders: string[]) => {
  const { output } = await cruise(folders, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  return {
    modules: result.summary.totalCruised,
    found: result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
  };
};

const fromOf = (line: string): string => line.split(": ")[1]?.split(" → ")[0] ?? "";

describe("the house's boundaries", () => {
  it("hold in the code: services meet only through shared/, domains are pure, only stores talk to DynamoDB", async () => {
    // The console (TSX, which this parser does not read) keeps its own: console/test/boundaries.test.ts.
    const { modules, found } = await violations(root, ["infra", "services", "shared"]);
    // A cruise that reads nothing checks nothing.
    expect(modules).toBeGreaterThan(150);
    expect(found).toEqual([]);
  }, 60_000);

  it("fail, rule by rule, on a tree that breaks each of them", async () => {
    const { found } = await violations(broken, ["infra", "services", "shared"]);
    const rules = new Set(found.map((line) => line.split(":")[0]));
    expect([...rules].sort()).toEqual(config.forbidden.map((rule) => rule.name ?? "").sort());
    expect(found).toContain("no-circular: shared/loop-a.ts → shared/loop-b.ts");
    expect(found).toContain(
      "services-meet-only-through-shared: services/alpha/domain/rule.ts → services/beta/thing.ts",
    );
    expect(found).toContain(
      "handlers-go-through-the-application: services/alpha/handlers/handler.ts → services/alpha/store/table.ts",
    );
    // The store may import the SDK; the application layer and the domain may not.
    expect(found.filter((line) => line.startsWith("only-the-store-talks-to-dynamodb:")).map(fromOf)).toEqual([
      "services/alpha/app/use-case.ts",
      "services/alpha/domain/rule.ts",
    ]);
  }, 60_000);
});
