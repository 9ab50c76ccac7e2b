// Percentiles and summaries for the benchmarks. Nearest-rank percentiles on the sorted samples: no interpolation,
// so every reported figure is a latency that was actually observed.

export type Summary = { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}

/** Rounds for display and JSON: 2 decimals below 10, 1 below 1000, integers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs < 10 ? 2 : abs < 1000 ? 1 : 0;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundSummary(s: Summary): Summary {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "n" ? v : round(v)])) as Summary;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Ratios to 4 significant digits, so a figure just short of its goal (0.7997×) never displays as meeting it (0.8×). */
export function sig4(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
}
