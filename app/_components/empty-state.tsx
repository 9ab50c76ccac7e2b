import type { ReactNode } from "react";
import { cn } from "@/app/_components/cn";

export function EmptyState(props: { icon?: ReactNode; title: string; description?: ReactNode; action?: ReactNode; className?: string; headingLevel?: 2 | 3 }) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <div className={cn("flex flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-border px-6 py-14 text-center", props.className)}>
      {props.icon ? <div className="mb-1 flex size-10 items-center justify-center rounded-full border border-border bg-card text-muted-foreground [&_svg]:size-5">{props.icon}</div> : null}
      <Heading className="text-base font-semibold">{props.title}</Heading>
      {props.description ? <p className="max-w-md text-sm text-muted-foreground">{props.description}</p> : null}
      {props.action ? <div className="mt-3">{props.action}</div> : null}
    </div>
  );
}
