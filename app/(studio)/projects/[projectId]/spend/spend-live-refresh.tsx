"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

// The spend page is server-rendered from the ledger: when the project's event stream says a generation moved (a
// reservation, a settlement, a refund) or asks for a resync, the page is read again — at most every half second, so a
// burst of events is one refresh. (The project page patches its client cache instead: ../live-refresh.tsx.)
export function SpendLiveRefresh({ projectId, renderedAt }: { projectId: string; renderedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/v1/projects/${projectId}/events?since=${encodeURIComponent(renderedAt)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 500);
    };
    for (const name of ["generation.status", "output.failed", "resync"]) source.addEventListener(name, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [projectId, renderedAt, router]);
  return null;
}
