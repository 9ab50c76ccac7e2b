/** Micro-USD as dollars for people: $0.028, $12.50. */
export function formatUsd(micros: bigint | number): string {
  const dollars = Number(micros) / 1_000_000;
  const digits = dollars !== 0 && Math.abs(dollars) < 1 ? 3 : 2;
  return `$${dollars.toFixed(digits)}`;
}
