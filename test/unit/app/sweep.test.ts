/** The sweeps' shared tail: items swept a few at once, each breach published as it happens, each failure counted, a time budget kept. */
import { describe, expect, it } from "vitest";
import { type DueEntry, dueEntries, sweepDue } from "../../../shared/app/sweep";

class LostRace extends Error {}

const recorder = () => {
  const logged: { level: string; message: string; extra: unknown }[] = [];
  const metrics: { name: string; value: number; dimensions: Record<string, string> }[] = [];
  let dimensions: Record<string, string> = {};
  return {
    logged,
    metrics,
    options: {
      service: "intake" as const,
      what: "referral",
      lostRace: (error: unknown) => error instanceof LostRace,
      logger: {
        info: (message: string, extra: unknown) => logged.push({ level: "info", message, extra }),
        error: (message: string, extra: unknown) => logged.push({ level: "error", message, extra }),
      },
      metrics: {
        addDimension: (name: string, value: string) => {
          dimensions[name] = value;
        },
        addMetric: (name: string, _unit: unknown, value: number) => metrics.push({ name, value, dimensions }),
        publishStoredMetrics: () => {
          dimensions = {};
        },
      },
    },
  };
};

const entries = (ids: readonly string[]): DueEntry<string>[] =>
  ids.map((id) => ({ key: id, read: () => id }));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sweeping each due item", () => {
  it("counts every breach when items are swept at once and finish out of order, publishing each as it happens", async () => {
    const r = recorder();
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const result = await sweepDue(
      entries(ids),
      async (id) => {
        await pause(Number(id.slice(1)) % 3);
        return { breach: 2 };
      },
      { ...r.options, concurrency: 8 },
    );
    expect(result).toEqual({ examined: 20, counts: { breach: 40 }, skipped: 0, failed: 0, deferred: 0 });
    expect(r.metrics).toHaveLength(20);
    expect(r.metrics.every((m) => m.name === "DeadlineBreached" && m.value === 2)).toBe(true);
    expect(r.metrics.every((m) => m.dimensions.Service === "intake")).toBe(true);
  });

  it("reads each item inside its guard: an unreadable one is logged by key and counted, the rest go on", async () => {
    const r = recorder();
    const due = dueEntries(
      [
        { pk: "REF#broken", sk: "REF", bad: true },
        { pk: "REF#fine", sk: "REF" },
      ],
      (item) => {
        if (item.bad) throw new Error("stored referral does not match its schema at status");
        return String(item.pk);
      },
    );
    const result = await sweepDue(due, async () => ({ breach: 1 }), r.options);
    expect(result).toEqual({ examined: 2, counts: { breach: 1 }, skipped: 1, failed: 1, deferred: 0 });
    expect(r.logged.filter((l) => l.level === "error")).toEqual([
      expect.objectContaining({ extra: expect.objectContaining({ key: "REF#broken REF" }) }),
    ]);
    expect(r.metrics.map((m) => m.name).sort()).toEqual(["DeadlineBreached", "SweepItemFailed"]);
  });

  it("skips a lost race quietly, without counting it as a failure", async () => {
    const r = recorder();
    const result = await sweepDue(
      entries(["lost", "broken", "fine"]),
      async (id) => {
        if (id === "lost") throw new LostRace();
        if (id === "broken") throw new Error("throttled");
        return { reminder: 1 };
      },
      r.options,
    );
    expect(result).toEqual({ examined: 3, counts: { reminder: 1 }, skipped: 2, failed: 1, deferred: 0 });
    expect(r.metrics).toEqual([{ name: "SweepItemFailed", value: 1, dimensions: { Service: "intake" } }]);
  });

  it("takes no new item once the remaining time falls below the reserve, and says how many it left", async () => {
    const r = recorder();
    let remaining = 30_000;
    const result = await sweepDue(
      entries(["a", "b", "c", "d"]),
      async () => {
        remaining -= 10_000;
        return {};
      },
      { ...r.options, remainingMs: () => remaining, reserveMs: 15_000 },
    );
    expect(result).toMatchObject({ examined: 2, deferred: 2 });
  });

  it("publishes no metric and logs nothing when nothing is due", async () => {
    const r = recorder();
    expect(await sweepDue(entries([]), async () => ({ breach: 1 }), r.options)).toEqual({
      examined: 0,
      counts: {},
      skipped: 0,
      failed: 0,
      deferred: 0,
    });
    expect(r.metrics).toEqual([]);
    expect(r.logged).toEqual([]);
  });
});
