"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/app/_components/ui/chart";

const config = { spent: { label: "Spent", color: "var(--color-primary)" } } satisfies ChartConfig;

function usd(micros: number, compact = false) {
  const dollars = micros / 1_000_000;
  // Axis ticks: as many decimals as the scale needs ($0.045, $2.50, $120, $1.2k), so neighbours never round alike.
  if (compact) return `$${dollars >= 1000 ? `${(dollars / 1000).toFixed(1)}k` : dollars === 0 ? "0" : dollars < 1 ? dollars.toFixed(3) : dollars < 10 ? dollars.toFixed(2) : dollars.toFixed(0)}`;
  return `$${dollars.toFixed(dollars !== 0 && Math.abs(dollars) < 1 ? 3 : 2)}`;
}

/** Spend per group as bars; by day, every day of the range has a bar (a quiet day shows as a gap, not a missing day). */
export function SpendChart({ rows, groupBy, range }: { rows: { key: string | null; label: string; spentMicros: number }[]; groupBy: string; range: { from: string; to: string } }) {
  const data = groupBy === "day" ? everyDay(rows, range) : rows.slice(0, 20).map((r) => ({ label: r.label, spent: r.spentMicros }));
  return (
    <ChartContainer config={config} className="aspect-auto h-64 sm:h-72" role="img" aria-label={`Spend by ${groupBy}, chart`}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} tickMargin={8} minTickGap={16}
          tickFormatter={(v: string) => (groupBy === "day" ? v.slice(5) : v.length > 14 ? `${v.slice(0, 13)}…` : v)} />
        <YAxis tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => usd(v, true)} />
        <ChartTooltip cursor content={<ChartTooltipContent formatValue={(v) => usd(v)} />} />
        {/* No animation: new spend appears at its height on the next render, and screenshots show what a reader sees. */}
        <Bar dataKey="spent" fill="var(--color-spent)" radius={[3, 3, 0, 0]} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ChartContainer>
  );
}

function everyDay(rows: { key: string | null; spentMicros: number }[], range: { from: string; to: string }) {
  const byDay = new Map(rows.map((r) => [r.key, r.spentMicros]));
  const out: { label: string; spent: number }[] = [];
  const end = new Date(`${range.to}T00:00:00Z`).getTime();
  for (let t = new Date(`${range.from}T00:00:00Z`).getTime(); t <= end && out.length < 400; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ label: day, spent: byDay.get(day) ?? 0 });
  }
  return out;
}
