// Timing comparisons for tests that must say "these two answers take the same time" without trusting one sample on
// a loaded machine. Pairs are measured back to back (alternating which goes first) so each pair shares its moment's
// load; the median of the paired differences gets a distribution-free confidence interval (the sign test's order
// statistics), and "the same" means that whole interval lies inside ±margin — an equivalence test, which a real gap
// fails and noise alone rarely does.

export type MedianInterval = { n: number; low: number; median: number; high: number };

/** The median of `diffs` and its `confidence` interval from order statistics (exact binomial, no normality assumed). */
export function medianInterval(diffs: readonly number[], confidence = 0.95): MedianInterval {
  const sorted = [...diffs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n < 6) throw new Error(`medianInterval needs at least 6 pairs (got ${n})`);
  // Largest k with P(Binomial(n, ½) ≤ k − 1) ≤ (1 − confidence) / 2: the interval is [x(k), x(n − k + 1)].
  const tail = (1 - confidence) / 2;
  let cumulative = 0;
  let k = 0;
  for (let j = 0; j <= n; j++) {
    cumulative += binomialHalf(n, j);
    if (cumulative > tail) break;
    k = j + 1;
  }
  k = Math.max(1, k);
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { n, low: sorted[k - 1]!, median, high: sorted[n - k]! };
}

/** True when the whole interval lies within ±margin. */
export function withinMargin(interval: MedianInterval, margin: number): boolean {
  return interval.low > -margin && interval.high < margin;
}

export function describeInterval(interval: MedianInterval): string {
  return `median ${interval.median.toFixed(1)} ms, 95% interval [${interval.low.toFixed(1)}, ${interval.high.toFixed(1)}] ms over ${interval.n} pairs`;
}

function binomialHalf(n: number, k: number): number {
  // C(n, k) / 2^n in logs: exact enough for the few hundred pairs a test takes.
  let log = -n * Math.LN2;
  for (let i = 1; i <= k; i++) log += Math.log(n - k + i) - Math.log(i);
  return Math.exp(log);
}
