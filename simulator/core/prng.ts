import { createHash } from "node:crypto";

// mulberry32: tiny, fast and good enough for fault dice; seeded so a test run is reproducible.
export interface Prng {
  next(): number; // [0, 1)
  int(maxExclusive: number): number;
  chance(rate: number | undefined): boolean;
  reseed(seed: number): void;
}

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    // Only roll when a rate is configured, so enabling one fault does not shift every other roll.
    chance: (rate) => (rate !== undefined && rate > 0 ? next() < rate : false),
    reseed: (seed) => {
      a = seed >>> 0;
    },
  };
}

// A stable 32-bit number from any string: used to derive per-image colours from a seed.
export function hash32(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}
