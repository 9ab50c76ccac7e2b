import type { ReactNode } from "react";
import { Brand } from "@/app/_components/brand";

/** A whole-page message: not found, forbidden, an error. Centred, calm, with one way forward. */
export function StatusPage(props: { code?: string; title: string; description: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 py-16 text-center">
      {props.code ? <p className="font-mono text-xs tracking-[0.2em] text-muted-foreground uppercase">{props.code}</p> : null}
      <h1 className="text-2xl font-semibold tracking-tight">{props.title}</h1>
      <p className="max-w-md text-sm text-muted-foreground">{props.description}</p>
      {props.actions ? <div className="mt-3 flex flex-wrap justify-center gap-2">{props.actions}</div> : null}
    </div>
  );
}

export function StandaloneStatusPage(props: Parameters<typeof StatusPage>[0]) {
  return (
    <main className="flex min-h-dvh flex-col">
      <div className="px-5 py-4"><Brand /></div>
      <StatusPage {...props} />
    </main>
  );
}
