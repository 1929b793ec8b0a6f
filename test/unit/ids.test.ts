import { decodeTime } from "ulid";
import { describe, expect, it } from "vitest";
import { ulidSchema } from "../../shared/events/envelope";
import { newId, newMonotonicId } from "../../shared/ids";

describe("ids", () => {
  it("are ULIDs carrying the time given", () => {
    const id = newId(Date.parse("2026-11-23T12:00:00Z"));
    expect(ulidSchema.safeParse(id).success).toBe(true);
    expect(decodeTime(id)).toBe(Date.parse("2026-11-23T12:00:00Z"));
  });

  it("do not repeat, and use every character of the alphabet in their random part", () => {
    const ids = Array.from({ length: 20_000 }, () => newId(0));
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set(ids.flatMap((id) => [...id.slice(10)]));
    expect(seen.size).toBe(32);
  });

  it("sort in the order they were made when monotonic", () => {
    const ids = Array.from({ length: 1_000 }, () => newMonotonicId(1_000));
    expect([...ids].sort()).toEqual(ids);
  });
});
