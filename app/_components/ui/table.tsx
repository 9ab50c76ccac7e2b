import type { ComponentProps } from "react";
import { cn } from "@/app/_components/cn";

// Scrolls inside its own box on a narrow screen, so the page itself never scrolls sideways.
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="-mx-1 overflow-x-auto px-1">
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return <th className={cn("border-b border-border px-2 py-2 text-left text-xs font-medium text-muted-foreground", className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-border px-2 py-2.5 align-middle [tr:last-child>&]:border-b-0", className)} {...props} />;
}
