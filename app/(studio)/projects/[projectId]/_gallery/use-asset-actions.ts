"use client";

import { useCallback, useMemo } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { useAnnounce } from "@/app/_components/live-region";
import { api, assetsKey, bulkAssets, patchAssets, removeAssets, type AssetPages, type BulkAction } from "./gallery-api";

const isTrashKey = (key: readonly unknown[]) => typeof key[2] === "string" && key[2].includes("status=trashed");

/** Views other than the one on screen hold stale rows after a trash/restore: re-read them when next shown. */
function staleOtherViews(client: QueryClient, projectId: string, trashed: boolean) {
  void client.invalidateQueries({ queryKey: assetsKey(projectId), predicate: (q) => isTrashKey(q.queryKey) === trashed, refetchType: "none" });
}

const plural = (n: number, one: string) => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

/**
 * What a person does to assets from the gallery. Each change patches the cached pages first (the grid answers at
 * once and keeps its place), then tells the server; a refusal puts the cache back and says why.
 */
export function useAssetActions(projectId: string) {
  const client = useQueryClient();
  const announce = useAnnounce();

  const snapshot = useCallback(() => client.getQueriesData<AssetPages>({ queryKey: assetsKey(projectId) }), [client, projectId]);
  const rollback = useCallback(
    (saved: ReturnType<typeof snapshot>) => {
      for (const [key, data] of saved) client.setQueryData(key, data);
    },
    [client],
  );

  const update = useCallback(
    async (ids: string[], action: BulkAction, patch: (a: GalleryAssetDto) => GalleryAssetDto, done?: string) => {
      const saved = snapshot();
      patchAssets(client, projectId, new Set(ids), patch);
      try {
        await bulkAssets(projectId, ids, action);
        if (done) {
          toast.success(done);
          announce(done);
        }
        return true;
      } catch (error) {
        rollback(saved);
        toast.error((error as Error).message);
        return false;
      }
    },
    [announce, client, projectId, rollback, snapshot],
  );

  const setFavourite = useCallback(
    (ids: string[], favourite: boolean, done?: string) => update(ids, { action: favourite ? "favourite" : "unfavourite" }, (a) => ({ ...a, favourite }), done),
    [update],
  );

  const toggleFavourite = useCallback(
    async (asset: GalleryAssetDto) => {
      const favourite = !asset.favourite;
      const saved = snapshot();
      patchAssets(client, projectId, new Set([asset.id]), (a) => ({ ...a, favourite }));
      try {
        await api(`/api/v1/assets/${asset.id}`, { method: "PATCH", body: JSON.stringify({ favourite }) });
        announce(favourite ? "Added to favourites." : "Removed from favourites.");
      } catch (error) {
        rollback(saved);
        toast.error((error as Error).message);
      }
    },
    [announce, client, projectId, rollback, snapshot],
  );

  const addTag = useCallback(
    (ids: string[], tag: string) =>
      update(ids, { action: "tag", tags: [tag] }, (a) => ({ ...a, tags: a.tags.includes(tag) ? a.tags : [...a.tags, tag] }), `Tagged ${plural(ids.length, "image")} “${tag}”.`),
    [update],
  );

  const setApproval = useCallback(
    (ids: string[], approvalStatus: GalleryAssetDto["approvalStatus"]) =>
      update(ids, { action: "approval", approvalStatus }, (a) => ({ ...a, approvalStatus }), `${plural(ids.length, "image")} marked ${approvalStatus === "none" ? "unreviewed" : approvalStatus}.`),
    [update],
  );

  /** Move to the trash, with an Undo that puts them back exactly where they were. */
  const trash = useCallback(
    async (ids: string[]) => {
      const saved = snapshot();
      removeAssets(client, projectId, new Set(ids));
      try {
        await bulkAssets(projectId, ids, { action: "delete" });
      } catch (error) {
        rollback(saved);
        toast.error((error as Error).message);
        return false;
      }
      staleOtherViews(client, projectId, true);
      const message = `${plural(ids.length, "image")} moved to the trash.`;
      announce(message);
      toast(message, {
        duration: 8_000,
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              await bulkAssets(projectId, ids, { action: "restore" });
              // Back into the cached views that held them, at their old places; everything else re-reads.
              for (const [key, data] of saved) if (!isTrashKey(key)) client.setQueryData(key, data);
              staleOtherViews(client, projectId, true);
              announce(`${plural(ids.length, "image")} restored.`);
            } catch (error) {
              toast.error((error as Error).message);
            }
          },
        },
      });
      return true;
    },
    [announce, client, projectId, rollback, snapshot],
  );

  /** Out of the trash view: restore, or delete for good (originals and thumbnails leave S3). */
  const leaveTrash = useCallback(
    async (ids: string[], action: "restore" | "purge") => {
      const saved = snapshot();
      removeAssets(client, projectId, new Set(ids));
      try {
        await bulkAssets(projectId, ids, { action });
      } catch (error) {
        rollback(saved);
        toast.error((error as Error).message);
        return false;
      }
      if (action === "restore") staleOtherViews(client, projectId, false);
      const message = action === "restore" ? `${plural(ids.length, "image")} restored.` : `${plural(ids.length, "image")} deleted permanently.`;
      toast.success(message);
      announce(message);
      return true;
    },
    [announce, client, projectId, rollback, snapshot],
  );

  // One object for the component's life: the grid's tile handlers depend on it, and a new one each render would
  // re-render every visible tile whenever a page of results arrives.
  return useMemo(() => ({ setFavourite, toggleFavourite, addTag, setApproval, trash, leaveTrash }), [setFavourite, toggleFavourite, addTag, setApproval, trash, leaveTrash]);
}
