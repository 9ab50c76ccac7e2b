"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

// The project's event stream (SSE over Postgres LISTEN/NOTIFY): any change — a teammate's generation, a status
// move, a new image — re-renders the page from the server. Bursts are coalesced into one refresh.
export function LiveRefresh({ projectId }: { projectId: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/v1/projects/${projectId}/events`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    for (const type of ["generation.status", "asset.created", "output.failed"]) source.addEventListener(type, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [projectId, router]);
  return null;
}
