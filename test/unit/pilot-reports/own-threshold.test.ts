import { describe, expect, it } from "vitest";
import { municipalThreshold, suppress } from "../../../services/pilot-reports/domain/disclosure";

describe("a municipality's own suppression threshold", () => {
  it("is never below the national one", () => {
    expect(municipalThreshold(5, 10)).toBe(10);
    expect(municipalThreshold(8, 5)).toBe(8);
  });

  it("hides counts below it that the national threshold would show", () => {
    const cells = { calls: { kind: "count" as const, value: 7 } };
    expect(suppress(cells, [], municipalThreshold(5, 5)).calls).toEqual({ value: 7, suppressed: false });
    expect(suppress(cells, [], municipalThreshold(5, 10)).calls).toEqual({ value: null, suppressed: true });
  });
});
