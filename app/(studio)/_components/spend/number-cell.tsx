import type { ReactNode } from "react";
import { cn } from "@/app/_components/cn";
import { TableCell, TableHead } from "@/app/_components/ui/table";

// The spend tables' figure columns (the grouped table and the price check): right-aligned, tabular digits, and the
// less important ones hidden below a breakpoint so the table fits a phone without scrolling sideways.
type From = "sm" | "md";
const SHOWN_FROM: Record<From, string> = { sm: "hidden sm:table-cell", md: "hidden md:table-cell" };

export function NumberHead(props: { from?: From; children: ReactNode }) {
  return <TableHead className={cn("text-right", props.from && SHOWN_FROM[props.from])}>{props.children}</TableHead>;
}

export function NumberCell(props: { from?: From; className?: string; children: ReactNode }) {
  return <TableCell className={cn("text-right tabular-nums", props.from && SHOWN_FROM[props.from], props.className)}>{props.children}</TableCell>;
}
