"use client";

import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useAnnounce } from "@/app/_components/live-region";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import {
  api, assetsKey, fetchAssetPage, fetchGeneration, patchAssets, prependAssets, queueKey, removeAssets, upsertGeneration, type AssetPages,
} from "./_gallery/gallery-api";

const ARRIVALS_PAGE = 40;
// Beyond this many changed tiles, re-reading the views costs less than one request per tile.
const PATCH_ONE_BY_ONE = 20;

type AssetChanged = { change: "updated" | "trashed" | "restored" | "purged"; assetIds: string[] };
const isTrashView = (key: readonly unknown[]) => String(key[2] ?? "").includes("status=trashed");

// The project's event stream (SSE over Postgres LISTEN/NOTIFY) patches the client cache: a status move re-reads that
// one generation into the queue, a new image is fetched into every newest-first gallery view at its top, so a result
// shows within a second and nothing else on the page re-renders or loses its place. `renderedAt` (when the server
// started reading the page's data) lets the stream say "resync" for changes made before it was listening: while the
// page loaded, or while the browser was reconnecting; then the cached views re-read.
export function LiveRefresh({ projectId, renderedAt }: { projectId: string; renderedAt: string }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  useEffect(() => {
    const source = new EventSource(`/api/v1/projects/${projectId}/events?since=${encodeURIComponent(renderedAt)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let arrived = 0;

    // Bursts (four images of one generation) become one small request per open view.
    const fetchArrivals = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const count = arrived;
        arrived = 0;
        const views = client.getQueryCache().findAll({ queryKey: assetsKey(projectId) });
        await Promise.all(
          views.map(async (view) => {
            const apiQuery = String(view.queryKey[2] ?? "");
            const params = new URLSearchParams(apiQuery);
            // Oldest-first and by-rating views get new images at their far end (or not at all): nothing to insert.
            if (params.get("sort") !== "newest" || params.get("status") === "trashed") return;
            if (!view.state.data) return;
            const page = await fetchAssetPage(projectId, apiQuery, null, ARRIVALS_PAGE).catch(() => null);
            if (page) client.setQueryData<AssetPages>(view.queryKey, (data) => (data ? prependAssets(data, page.data) : data));
          }),
        );
        if (count > 0) announce(count === 1 ? "A new image is ready." : `${count} new images are ready.`);
      }, 80);
    };

    const onGeneration = (event: MessageEvent<string>) => {
      const { generationId } = JSON.parse(event.data) as { generationId: string };
      fetchGeneration(generationId)
        .then((generation) => upsertGeneration(client, projectId, generation))
        .catch(() => undefined);
    };
    const onAsset = () => {
      arrived += 1;
      fetchArrivals();
    };
    // A teammate starred, tagged, reviewed, trashed or restored something (our own changes echo back harmlessly).
    const onAssetChanged = (event: MessageEvent<string>) => {
      const { change, assetIds } = JSON.parse(event.data) as AssetChanged;
      const ids = new Set(assetIds);
      const reread = (trashViews: boolean) =>
        void client.invalidateQueries({ queryKey: assetsKey(projectId), predicate: (q) => isTrashView(q.queryKey) === trashViews });
      if (ids.size === 0) return reread(false), reread(true);
      if (change === "purged") return removeAssets(client, projectId, ids);
      if (change === "trashed" || change === "restored") {
        // Out of the views it left at once; the views it entered re-read (its place there depends on the sort).
        for (const view of client.getQueryCache().findAll({ queryKey: assetsKey(projectId) })) {
          if (isTrashView(view.queryKey) === (change === "restored")) {
            client.setQueryData<AssetPages>(view.queryKey, (data) =>
              data ? { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.filter((a) => !ids.has(a.id)) })) } : data);
          }
        }
        return reread(change === "trashed");
      }
      const cached = new Set(
        client.getQueriesData<AssetPages>({ queryKey: assetsKey(projectId) }).flatMap(([, d]) => d?.pages.flatMap((p) => p.data.map((a) => a.id)) ?? []),
      );
      const shown = assetIds.filter((id) => cached.has(id));
      if (shown.length > PATCH_ONE_BY_ONE) return reread(false), reread(true);
      for (const id of shown) {
        api<GalleryAssetDto>(`/api/v1/assets/${id}`)
          .then((fresh) =>
            patchAssets(client, projectId, new Set([id]), (a) => ({
              ...a, favourite: fresh.favourite, rating: fresh.rating, approvalStatus: fresh.approvalStatus, tags: fresh.tags,
            })),
          )
          .catch(() => undefined);
      }
    };
    const onResync = () => {
      void client.invalidateQueries({ queryKey: queueKey(projectId) });
      void client.invalidateQueries({ queryKey: assetsKey(projectId) });
    };
    source.addEventListener("generation.status", onGeneration);
    source.addEventListener("output.failed", onGeneration);
    source.addEventListener("asset.created", onAsset);
    source.addEventListener("asset.changed", onAssetChanged);
    source.addEventListener("resync", onResync);
    return () => {
      clearTimeout(timer);
      source.close();
    };
    // Not keyed on renderedAt: a reconnect asks about changes since the first render, which at worst costs a re-read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, client, announce]);
  return null;
}
