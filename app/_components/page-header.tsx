import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";

export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: { href: string; label: string } }) {
  return (
    <div className="mb-6 grid gap-2">
      {props.back ? (
        <Link href={props.back.href} className="inline-flex w-fit items-center gap-1 rounded text-[13px] text-muted-foreground hover:text-foreground">
          <ChevronLeft aria-hidden className="size-4" /> {props.back.label}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">{props.title}</h1>
          {props.description ? <p className="mt-1 text-sm text-muted-foreground break-words">{props.description}</p> : null}
        </div>
        {props.actions ? <div className="flex flex-wrap items-center gap-2">{props.actions}</div> : null}
      </div>
    </div>
  );
}
