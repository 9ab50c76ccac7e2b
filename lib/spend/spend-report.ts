import { spendSummary } from "@/lib/spend/spend-summary";
import { approvedAssetCount } from "@/lib/spend/approved-assets";
import { monthToDate } from "@/lib/spend/month-to-date";
import { priceCheck } from "@/lib/spend/price-check";
import { rangeDays, type SpendRange } from "@/lib/spend/spend-query-schemas";

/**
 * Everything a spend page and GET …/spend show: the grouped figures with totals, cost per image and per approved
 * asset for the range, this month's spend against its limits, and the generations whose provider-reported cost
 * differs from our price table (the price check). The caller has been checked for "spend.read".
 */
export async function spendReport(o: { teamId: string; projectId?: string; range: SpendRange }) {
  const scope = { teamId: o.teamId, projectId: o.projectId };
  const [summary, approved, month, prices] = await Promise.all([
    spendSummary({ ...scope, from: o.range.from, to: o.range.to, groupBy: o.range.groupBy }),
    approvedAssetCount({ ...scope, from: o.range.from, to: o.range.to }),
    monthToDate(scope),
    priceCheck({ ...scope, from: o.range.from, to: o.range.to }),
  ]);
  const t = summary.totals;
  return {
    range: rangeDays(o.range),
    groupBy: summary.groupBy,
    totals: {
      ...t,
      costPerImageMicros: t.images > 0 ? Math.round(t.settledMicros / t.images) : null,
      approvedAssets: approved,
      costPerApprovedAssetMicros: approved > 0 ? Math.round(t.spentMicros / approved) : null,
    },
    groups: summary.groups.map((g) => ({ ...g, costPerImageMicros: g.images > 0 ? Math.round(g.settledMicros / g.images) : null })),
    monthToDate: month,
    priceCheck: prices,
  };
}
export type SpendReport = Awaited<ReturnType<typeof spendReport>>;
