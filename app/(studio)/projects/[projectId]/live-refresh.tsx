"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useAnnounce } from "@/app/_components/live-region";

// The project's event stream (SSE over Postgres LISTEN/NOTIFY): any change — a teammate's generation, a status
// move, a new image — re-renders the page from the server. Bursts are coalesced into one refresh. `renderedAt` (when
// the server started reading the page's data) lets the stream say "resync" for changes made before it was listening:
// while the page loaded, or while the browser was reconnecting. New images are announced in the page's live region.
export function LiveRefresh({ projectId, renderedAt }: { projectId: string; renderedAt: string }) {
  const router = useRouter();
  const announce = useAnnounce();
  useEffect(() => {
    const source = new EventSource(`/api/v1/projects/${projectId}/events?since=${encodeURIComponent(renderedAt)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let arrived = 0;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        router.refresh();
        if (arrived > 0) announce(arrived === 1 ? "A new image is ready." : `${arrived} new images are ready.`);
        arrived = 0;
      }, 150);
    };
    const onAsset = () => {
      arrived += 1;
      refresh();
    };
    for (const type of ["generation.status", "output.failed", "resync"]) source.addEventListener(type, refresh);
    source.addEventListener("asset.created", onAsset);
    return () => {
      clearTimeout(timer);
      source.close();
    };
    // Not keyed on renderedAt: each refresh renders a new one, and reopening the stream for it would be churn. A
    // reconnect then asks about changes since the first render, which at worst costs one refresh too many.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, router, announce]);
  return null;
}
