import { spendRangeQuery, type SpendRange } from "@/lib/spend/spend-query-schemas";

/** A spend page's range from its query string; anything unreadable falls back to this month by day rather than failing the page. */
export function readSpendRange(params: Record<string, string | string[] | undefined>): SpendRange {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = spendRangeQuery.safeParse({ from: first(params.from), to: first(params.to), groupBy: first(params.groupBy) });
  return parsed.success ? parsed.data : spendRangeQuery.parse({});
}
