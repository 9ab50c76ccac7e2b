import type { ComponentProps } from "react";
import { cn } from "@/app/_components/cn";

export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden className={cn("animate-pulse rounded-md bg-secondary", className)} {...props} />;
}
