import type { ReactNode } from "react";
import { Brand } from "@/app/_components/brand";

/** The signed-out pages' frame: one calm card in the middle of the screen. */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-[radial-gradient(1100px_520px_at_15%_-10%,#1a2140_0%,transparent_60%)] px-4 py-10">
      <div className="w-full max-w-[400px] rounded-2xl border border-border bg-card/90 p-6 shadow-2xl shadow-black/40 sm:p-8">
        <Brand className="mb-7" />
        {children}
      </div>
    </main>
  );
}
