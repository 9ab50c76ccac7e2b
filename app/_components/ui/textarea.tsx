import type { ComponentProps } from "react";
import { cn } from "@/app/_components/cn";
import { fieldClasses } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea data-slot="textarea" className={cn(fieldClasses, "min-h-20 resize-y py-2 leading-relaxed", className)} {...props} />;
}
