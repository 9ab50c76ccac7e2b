import type { ComponentProps } from "react";
import { cn } from "@/app/_components/cn";

// min-w-0: as a grid or flex item a card may shrink below its content's widest line, so a wide table inside scrolls in
// its own box (Table) instead of stretching the card and the page sideways at 390 px.
export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section data-slot="card" className={cn("min-w-0 rounded-xl border border-border bg-card p-4 text-card-foreground sm:p-5", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mb-3 flex flex-wrap items-start justify-between gap-x-4 gap-y-1", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("flex items-center gap-2 text-[15px] font-semibold tracking-tight", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-[13px] text-muted-foreground", className)} {...props} />;
}
