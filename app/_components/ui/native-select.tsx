import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/app/_components/cn";
import { fieldClasses } from "./input";

// The platform's own select, styled: right for plain form fields (keyboard, mobile pickers and FormData for free).
// The Radix Select in ./select is for pickers that need richer rows.
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select data-slot="native-select" className={cn(fieldClasses, "h-9 appearance-none pr-8")} {...props} />
      <ChevronDown aria-hidden className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
    </div>
  );
}
