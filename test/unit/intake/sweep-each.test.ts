/** The sweep's tail: items swept a few at once, every breach counted, lost races skipped quietly. */
import { describe, expect, it } from "vitest";
import { sweepEach } from "../../../services/intake/app/sweep-each";

class LostRace extends Error {}

const recorder = () => {
  const logged: { level: string; message: string; extra: unknown }[] = [];
  const metrics: { name: string; value: number }[] = [];
  let published = 0;
  return {
    logged,
    metrics,
    published: () => published,
    options: {
      service: "intake" as const,
      what: "referral",
      describe: (id: string) => ({ referralId: id }),
      lostRace: (error: unknown) => error instanceof LostRace,
      logger: {
        info: (message: string, extra: unknown) => {
          logged.push({ level: "info", message, extra });
        },
        error: (message: string, extra: unknown) => {
          logged.push({ level: "error", message, extra });
        },
      },
      metrics: {
        addDimension: () => undefined,
        addMetric: (name: string, _unit: unknown, value: number) => metrics.push({ name, value }),
        publishStoredMetrics: () => {
          published += 1;
        },
      },
    },
  };
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sweeping each due item", () => {
  it("counts every breach when items are swept at once and finish out of order", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const r = recorder();
    const result = await sweepEach(
      ids,
      async (id) => {
        await pause(Number(id.slice(1)) % 3);
        return 2;
      },
      r.options,
    );
    expect(result).toEqual({ examined: 20, breaches: 40, skipped: 0 });
    expect(r.metrics).toEqual([{ name: "DeadlineBreached", value: 40 }]);
    expect(r.published()).toBe(1);
  });

  it("skips a lost race quietly and logs any other failure by id, then goes on", async () => {
    const r = recorder();
    const result = await sweepEach(
      ["lost", "broken", "fine"],
      async (id) => {
        if (id === "lost") throw new LostRace();
        if (id === "broken") throw new Error("throttled");
        return 1;
      },
      r.options,
    );
    expect(result).toEqual({ examined: 3, breaches: 1, skipped: 2 });
    const errors = r.logged.filter((l) => l.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extra).toMatchObject({ referralId: "broken" });
  });

  it("publishes no metric and logs nothing when nothing is due", async () => {
    const r = recorder();
    expect(await sweepEach([], async () => 1, r.options)).toEqual({ examined: 0, breaches: 0, skipped: 0 });
    expect(r.metrics).toEqual([]);
    expect(r.logged).toEqual([]);
  });
});
