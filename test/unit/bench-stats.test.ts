/**
 * The interval the cold bench counts a function clearly within or over its goal by
 * (test/bench/stats.ts medianInterval): it must hold the median as often as it says, whatever the
 * samples' distribution, or the bench's "clearly" would overstate what a few processes show.
 */
import { describe, expect, it } from "vitest";
import { medianInterval } from "../bench/stats";

/** A seeded generator (mulberry32), so that the coverage check draws the same samples every run. */
const seeded = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

describe("medianInterval", () => {
  it("takes the order statistics the binomial gives, and says its confidence", () => {
    const ranks = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    // 15 samples: the 4th and the 12th smallest hold the median with 96.5%.
    expect(medianInterval(ranks(15))).toEqual({ low: 4, high: 12, confidence: 1 - 2 * (576 / 32768) });
    // 5 cannot give 95%: the whole range, with the 93.75% it gives.
    expect(medianInterval(ranks(5))).toEqual({ low: 1, high: 5, confidence: 0.9375 });
    expect(medianInterval([7]).confidence).toBe(0);
    expect(Number.isNaN(medianInterval([]).low)).toBe(true);
  });

  it("holds a skewed distribution's median at least as often as it says", () => {
    const random = seeded(15);
    // Exponential with rate 1: median ln 2. Skewed like a process's CPU time under interference.
    const draw = () => -Math.log(1 - random());
    for (const n of [5, 9, 15]) {
      const trials = 4000;
      let held = 0;
      let stated = 0;
      for (let t = 0; t < trials; t++) {
        const interval = medianInterval(Array.from({ length: n }, draw));
        stated = interval.confidence;
        if (interval.low <= Math.LN2 && Math.LN2 <= interval.high) held++;
      }
      // Within sampling error (4,000 trials: a standard error under 0.4%) of at least what it says.
      expect(held / trials, `${n} samples`).toBeGreaterThan(stated - 0.012);
    }
  });
});
