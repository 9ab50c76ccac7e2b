import { BellRing } from "lucide-react";
import type { SpendAlertItem } from "@/lib/spend/list-spend-alerts";
import { formatUsd } from "@/lib/spend/format-usd";
import { cn } from "@/app/_components/cn";

/** This month's alerts: a banner for the highest share reached, and the list of every threshold crossed. */
export function SpendAlerts({ alerts }: { alerts: SpendAlertItem[] }) {
  if (alerts.length === 0) return null;
  const top = alerts.reduce((a, b) => (b.threshold > a.threshold ? b : a));
  const full = top.threshold >= 100;
  return (
    <section aria-label="Spend alerts" className={cn("rounded-xl border p-4", full ? "border-destructive/40 bg-destructive/10" : "border-warning/40 bg-warning/10")}>
      <p role="status" className="flex items-start gap-2 text-sm font-medium">
        <BellRing aria-hidden className={cn("mt-0.5 size-4 shrink-0", full ? "text-destructive" : "text-warning")} />
        {top.limit} is at {top.threshold}%{full ? ": generations that would pass it are refused." : "."}
      </p>
      <ul className="mt-2 grid gap-1 pl-6 text-[13px] text-muted-foreground">
        {alerts.map((a) => (
          <li key={a.id} className="break-words">
            <time dateTime={a.createdAt}>{a.createdAt.slice(0, 10)}</time> · {a.limit}: {a.threshold}% ({formatUsd(a.spentMicros)} of {formatUsd(a.limitMicros)}){a.emailed ? " · emailed" : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
