"use client";

import { createContext, use, useId, type ComponentProps, type CSSProperties, type ReactNode } from "react";
import * as Recharts from "recharts";
import { cn } from "@/app/_components/cn";

// shadcn's chart pattern over Recharts: a container that sizes the chart and names each series' colour as a CSS
// variable (--color-<key>), and a tooltip that reads labels from the same config. Colours are set on the container's
// style rather than through an injected <style> block: the theme's tokens are plain CSS variables already.

export type ChartConfig = Record<string, { label: ReactNode; color: string }>;

const ChartContext = createContext<{ config: ChartConfig } | null>(null);

function useChart() {
  const context = use(ChartContext);
  if (!context) throw new Error("Chart parts must be inside <ChartContainer>.");
  return context;
}

export function ChartContainer({ config, className, children, style, ...props }: ComponentProps<"div"> & { config: ChartConfig; children: ComponentProps<typeof Recharts.ResponsiveContainer>["children"] }) {
  const id = useId();
  const colours = Object.fromEntries(Object.entries(config).map(([key, c]) => [`--color-${key}`, c.color])) as CSSProperties;
  return (
    <ChartContext value={{ config }}>
      <div
        data-slot="chart"
        data-chart={id}
        style={{ ...colours, ...style }}
        className={cn(
          "aspect-video w-full min-w-0 text-xs",
          "[&_.recharts-cartesian-axis-tick_text]:fill-muted-foreground [&_.recharts-cartesian-grid_line]:stroke-border/60",
          "[&_.recharts-rectangle.recharts-tooltip-cursor]:fill-muted [&_.recharts-surface]:outline-hidden [&_.recharts-layer]:outline-hidden",
          className,
        )}
        {...props}
      >
        <Recharts.ResponsiveContainer>{children}</Recharts.ResponsiveContainer>
      </div>
    </ChartContext>
  );
}

export const ChartTooltip = Recharts.Tooltip;

type TooltipItem = { dataKey?: string | number; name?: string | number; value?: unknown; color?: string; payload?: Record<string, unknown> };

/** The tooltip's box: the hovered label, then each series' colour, label and value (formatted by `formatValue`). */
export function ChartTooltipContent(props: {
  active?: boolean;
  payload?: readonly TooltipItem[];
  label?: ReactNode;
  formatValue?: (value: number, key: string) => ReactNode;
  labelKey?: string;
}) {
  const { config } = useChart();
  if (!props.active || !props.payload?.length) return null;
  const first = props.payload[0];
  const label = props.labelKey && first?.payload ? String(first.payload[props.labelKey] ?? "") : props.label;
  return (
    <div className="grid min-w-32 gap-1.5 rounded-lg border border-border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-xl">
      {label ? <div className="font-medium">{label}</div> : null}
      {props.payload.map((item) => {
        const key = String(item.dataKey ?? item.name ?? "value");
        const value = typeof item.value === "number" ? item.value : Number(item.value);
        return (
          <div key={key} className="flex items-center gap-2">
            <span aria-hidden className="size-2.5 shrink-0 rounded-[2px]" style={{ background: item.color ?? `var(--color-${key})` }} />
            <span className="text-muted-foreground">{config[key]?.label ?? key}</span>
            <span className="ml-auto font-mono font-medium tabular-nums">{props.formatValue ? props.formatValue(value, key) : value}</span>
          </div>
        );
      })}
    </div>
  );
}
