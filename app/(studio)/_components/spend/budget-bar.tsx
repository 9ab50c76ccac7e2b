import type { MonthToDate } from "@/lib/spend/month-to-date";
import { formatUsd } from "@/lib/spend/format-usd";
import { cn } from "@/app/_components/cn";

/**
 * This month so far against the soft and hard limits, with the straight-line projection to month end as a lighter
 * extension of the bar. The figures are said in text beside it; the bar is decoration for people who can see it.
 */
export function BudgetBar({ month, limitName }: { month: MonthToDate; limitName: string }) {
  const { spentMicros: spent, softLimitMicros: soft, hardLimitMicros: hard, projectedMicros: projected } = month;
  const scale = Math.max(hard ?? 0, soft ?? 0, projected, spent, 1);
  const pct = (v: number) => `${Math.min(100, (v / scale) * 100)}%`;
  const over = hard !== null && projected > hard;
  const tone = hard !== null && spent >= hard ? "bg-destructive" : soft !== null && spent >= soft ? "bg-warning" : "bg-primary";
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm"><span className="text-2xl font-semibold tabular-nums">{formatUsd(spent)}</span> <span className="text-muted-foreground">this month{hard !== null ? ` of ${formatUsd(hard)}` : ""}</span></p>
        <p className={cn("text-[13px]", over ? "text-destructive" : "text-muted-foreground")}>
          Projected {formatUsd(projected)} by month end{over ? ", over the limit" : ""}
        </p>
      </div>
      <div aria-hidden className="relative h-3 rounded-full bg-muted">
        <div className="absolute inset-y-0 left-0 rounded-full bg-primary/25" style={{ width: pct(projected) }} />
        <div className={cn("absolute inset-y-0 left-0 rounded-full", tone)} style={{ width: pct(spent) }} />
        {/* Limit marks stand out above and below the bar, so one stays visible where the fill covers it. */}
        {soft !== null ? <div className="absolute -inset-y-1 w-0.5 rounded-full bg-warning ring-2 ring-card" style={{ left: `min(${pct(soft)}, calc(100% - 2px))` }} /> : null}
        {hard !== null ? <div className="absolute -inset-y-1 w-0.5 rounded-full bg-destructive ring-2 ring-card" style={{ left: `min(${pct(hard)}, calc(100% - 2px))` }} /> : null}
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {soft !== null ? <span><span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-warning" />Alert at {formatUsd(soft)}</span> : null}
        {hard !== null ? <span><span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-destructive" />Hard limit {formatUsd(hard)}</span> : null}
        {soft === null && hard === null ? <span>No monthly {limitName} set.</span> : null}
      </p>
    </div>
  );
}
