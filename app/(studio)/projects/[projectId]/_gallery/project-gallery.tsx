"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { ImageIcon, SearchX, Trash2, TriangleAlert } from "lucide-react";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { EmptyState } from "@/app/_components/empty-state";
import { Button } from "@/app/_components/ui/button";
import { Skeleton } from "@/app/_components/ui/skeleton";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/app/_components/ui/alert-dialog";
import { USE_REFERENCE_EVENT, type PickedReference } from "../reference-picker";
import { assetsKey, fetchAssetPage, type AssetPage } from "./gallery-api";
import { activeFilterCount, galleryParsers, toApiQuery, type GalleryFilters } from "./gallery-filters";
import { ROW_HEIGHTS } from "./row-height";
import { GalleryGrid } from "./gallery-grid";
import { GalleryToolbar, CLEARED, type FilterOptions } from "./gallery-toolbar";
import { useAssetActions } from "./use-asset-actions";
import type { TileHandlers } from "./gallery-tile";

const SCROLL_KEY = "gallery-scroll:";
// The bulk bar (its dialogs, menus, share and collection pickers) only shows once something is selected: its code loads
// then, not with the page (nothing is ever selected in the server's HTML).
const BulkBar = dynamic(() => import("./bulk-bar").then((m) => m.BulkBar), { ssr: false });

/** The project's images: filters from the URL, keyset pages from the API, a virtualized justified grid. */
export function ProjectGallery({ projectId, canEdit, options, initial }: {
  projectId: string;
  canEdit: boolean;
  options: FilterOptions;
  /** The first page, rendered by the server for this API query. */
  initial: { apiQuery: string; page: AssetPage } | null;
}) {
  const [filters, setFilters] = useQueryStates(galleryParsers);
  const apiQuery = toApiQuery(filters as GalleryFilters);
  const trash = filters.view === "trash";
  const query = useInfiniteQuery({
    queryKey: assetsKey(projectId, apiQuery),
    queryFn: ({ pageParam, signal }) => fetchAssetPage(projectId, apiQuery, pageParam, undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial && initial.apiQuery === apiQuery ? { pages: [initial.page], pageParams: [null] } : undefined,
  });
  const assets = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const actions = useAssetActions(projectId);

  // Selection lives in this view only: changing filters or view starts afresh.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [apiQuery]);
  // Assets that left the view (trashed, restored, purged) leave the selection too.
  useEffect(() => {
    setSelected((current) => {
      if (current.size === 0) return current;
      const present = new Set(assets.map((a) => a.id));
      const kept = [...current].filter((id) => present.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [assets]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector("[role=dialog]")) setSelected(new Set());
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const [purging, setPurging] = useState<GalleryAssetDto | null>(null);
  const assetsRef = useRef(assets);
  assetsRef.current = assets;

  const handlers: TileHandlers = useMemo(
    () => ({
      onSelect: (asset, index, range) => {
        setSelected((current) => {
          const next = new Set(current);
          if (range && anchor.current !== null) {
            const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
            for (const a of assetsRef.current.slice(from, to + 1)) next.add(a.id);
          } else if (next.has(asset.id)) next.delete(asset.id);
          else next.add(asset.id);
          return next;
        });
        anchor.current = index;
      },
      onFavourite: (asset) => void actions.toggleFavourite(asset),
      onTrash: (asset) => void actions.trash([asset.id]),
      onRestore: (asset) => void actions.leaveTrash([asset.id], "restore"),
      onPurge: (asset) => setPurging(asset),
      onUseAsReference: (asset) => {
        const detail: PickedReference = { assetId: asset.id, thumbUrl: asset.urls.routes.thumbSmall };
        window.dispatchEvent(new CustomEvent(USE_REFERENCE_EVENT, { detail }));
        document.getElementById("prompt")?.focus({ preventScroll: true });
        window.scrollTo({ top: 0, behavior: "smooth" });
      },
      // Remembered so coming back to this exact view (back button) lands at the same image.
      onOpen: () => sessionStorage.setItem(SCROLL_KEY + location.href, String(window.scrollY)),
    }),
    [actions],
  );

  // Back from an image: the cached pages render at once; put the scroll where it was.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || assets.length === 0) return;
    restored.current = true;
    const key = SCROLL_KEY + location.href;
    const y = Number(sessionStorage.getItem(key));
    sessionStorage.removeItem(key);
    if (y > 0) requestAnimationFrame(() => window.scrollTo(0, y));
  }, [assets.length]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const onNearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const ids = [...selected];
  const narrowed = activeFilterCount(filters as GalleryFilters) > 0 || filters.q !== "";
  return (
    <section aria-label={trash ? "Trash" : "Gallery"} className="grid min-w-0 gap-3">
      <GalleryToolbar options={options} canSelectAll={assets.length > 0}
        onSelectAll={() => setSelected(new Set(assets.slice(0, 500).map((a) => a.id)))} />
      {trash ? <p className="text-[13px] text-muted-foreground">Images in the trash are deleted for good after 30 days.</p> : null}
      {query.isPending ? (
        <GallerySkeleton />
      ) : query.isError && assets.length === 0 ? (
        <EmptyState icon={<TriangleAlert aria-hidden />} title="The gallery could not be loaded" description={query.error.message}
          action={<Button variant="secondary" onClick={() => void query.refetch()}>Try again</Button>} />
      ) : assets.length === 0 ? (
        narrowed ? (
          <EmptyState icon={<SearchX aria-hidden />} title="Nothing matches these filters" description="Try fewer filters or other words."
            action={<Button variant="secondary" onClick={() => void setFilters(CLEARED)}>Clear filters</Button>} />
        ) : trash ? (
          <EmptyState icon={<Trash2 aria-hidden />} title="The trash is empty" description="Deleted images wait here for 30 days before they are removed for good." />
        ) : (
          <EmptyState icon={<ImageIcon aria-hidden />} title="No images yet"
            description={canEdit ? "Write a prompt and press Generate: results appear here as they finish." : "Images made in this project appear here as they finish."} />
        )
      ) : (
        <>
          <GalleryGrid assets={assets} targetHeight={ROW_HEIGHTS[filters.density]} selected={selected} canEdit={canEdit} trash={trash}
            handlers={handlers} onNearEnd={onNearEnd} detailQuery={apiQuery} />
          <div className="flex min-h-10 items-center justify-center text-[13px] text-muted-foreground">
            {isFetchingNextPage ? "Loading more…" : query.isError ? (
              <Button variant="ghost" size="sm" onClick={() => void fetchNextPage()}>Loading failed — try again</Button>
            ) : hasNextPage ? null : `${assets.length.toLocaleString()} ${assets.length === 1 ? "image" : "images"}`}
          </div>
        </>
      )}
      {ids.length > 0 ? <BulkBar projectId={projectId} ids={ids} canEdit={canEdit} trash={trash} actions={actions} onClear={() => setSelected(new Set())}
        selectedAssets={assets.filter((a) => selected.has(a.id))} /> : null}
      <AlertDialog open={purging !== null} onOpenChange={(open) => !open && setPurging(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete this image permanently?</AlertDialogTitle>
            <AlertDialogDescription>The file is removed from storage. This cannot be undone.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep</AlertDialogCancel>
            <AlertDialogAction destructive onClick={() => purging && void actions.leaveTrash([purging.id], "purge")}>Delete permanently</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </section>
  );
}

function GallerySkeleton() {
  const widths = [38, 24, 38, 30, 40, 30, 26, 36, 38];
  return (
    <div aria-busy="true" aria-label="Loading images" className="grid gap-1.5">
      {[0, 1, 2].map((r) => (
        <div key={r} className="flex gap-1.5">
          {widths.slice(r * 3, r * 3 + 3).map((w, i) => <Skeleton key={i} className="h-[180px] rounded-md" style={{ flexGrow: w }} />)}
        </div>
      ))}
    </div>
  );
}
