import { cn } from "@/app/_components/cn";

export function BrandMark({ className }: { className?: string }) {
  return <span aria-hidden className={cn("inline-block size-6 rounded-md bg-linear-to-br from-[#7c9cff] to-[#c27cff] shadow-[0_0_0_1px_rgba(255,255,255,.08)_inset]", className)} />;
}

export function Brand({ className, compact }: { className?: string; compact?: boolean }) {
  return (
    <span className={cn("flex items-center gap-2 font-semibold tracking-tight text-foreground", className)}>
      <BrandMark /> <span className={compact ? "hidden sm:inline" : undefined}>Asset Studio</span>
    </span>
  );
}
