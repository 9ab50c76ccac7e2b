import { describe, expect, it } from "vitest";
import { medianInterval, withinMargin } from "@/tests/helpers/paired-timing";

// The statistic behind tests/integration/share/share-links.test.ts's timing check: it must accept two equal paths
// under heavy, skewed noise and reject a path that skips one verify's worth of work — on the same noise.

// A seeded generator: the same "load" every run, so this test is itself never flaky.
function noise(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A request's time on a busy machine: a base, jitter, and now and then a scheduling stall of up to 80 ms. */
function requestTime(random: () => number, work: number) {
  return 20 + work + random() * 10 + (random() < 0.15 ? random() * 80 : 0);
}

describe("paired timing statistics", () => {
  it("gives the sign test's order statistics (n = 20: the 6th and 15th)", () => {
    const diffs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(medianInterval(diffs)).toEqual({ n: 20, low: 6, median: 10.5, high: 15 });
  });

  it("accepts equal paths and rejects one that skips a 14 ms verify, under the same stalls", () => {
    const verify = 14;
    for (let seed = 1; seed <= 50; seed++) {
      const random = noise(seed);
      const equal: number[] = [];
      const skipped: number[] = [];
      for (let i = 0; i < 48; i++) {
        equal.push(requestTime(random, verify) - requestTime(random, verify));
        skipped.push(requestTime(random, verify) - requestTime(random, 0));
      }
      expect(withinMargin(medianInterval(equal), 0.5 * verify), `seed ${seed} equal`).toBe(true);
      expect(withinMargin(medianInterval(skipped), 0.5 * verify), `seed ${seed} skipped`).toBe(false);
    }
  });
});
