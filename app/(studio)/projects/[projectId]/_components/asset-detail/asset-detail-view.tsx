"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import type { AssetDetail } from "./load-asset-detail";
import { ZoomPanImage } from "./zoom-pan-image";
import { AssetActions } from "./asset-actions";
import { AssetRecipe } from "./asset-recipe";
import { AssetLineage } from "./asset-lineage";
import { assetHref } from "./asset-href";
import { createNeighbourWalker, type Neighbours } from "./neighbour-walker";
import { Button } from "@/app/_components/ui/button";
import { cn } from "@/app/_components/cn";

export type DetailProps = {
  detail: AssetDetail;
  neighbours: { previous: string | null; next: string | null };
  /** The gallery's filter and sort query (no leading "?"), kept on every link so the arrows walk the same sequence. */
  filters: string;
  canEdit: boolean;
  canGenerate: boolean;
  /** Shown over the gallery: closing goes back to it instead of following a link. */
  inModal?: boolean;
};

/**
 * The image detail: the image with zoom and pan, its actions, its whole recipe and its lineage. The same component
 * renders the direct page and the modal over the gallery; the arrow keys move to the neighbours in the gallery's
 * current filter and order (replace, not push, so Back still leaves the viewer in one step).
 */
export function AssetDetailView(props: DetailProps) {
  const router = useRouter();
  const [detail, setDetail] = useState(props.detail);
  const { projectId, id } = props.detail;
  useEffect(() => setDetail(props.detail), [props.detail]);
  const galleryHref = `/projects/${projectId}${props.filters ? `?${props.filters}` : ""}`;
  const go = (assetId: string | null) => {
    if (assetId) router.replace(assetHref(projectId, assetId, props.filters), { scroll: false });
  };
  const close = () => (props.inModal ? router.back() : router.push(galleryHref));
  // Arrow presses and the arrow buttons step through the walker, so a second press while the first image is still
  // loading moves on from that image instead of being lost (see neighbour-walker.ts).
  const latest = useRef({ go, filters: props.filters });
  latest.current = { go, filters: props.filters };
  const [walker] = useState(() =>
    createNeighbourWalker({
      navigate: (assetId) => latest.current.go(assetId),
      fetchNeighbours: async (assetId) => {
        const filters = latest.current.filters;
        const res = await fetch(`/api/v1/assets/${encodeURIComponent(assetId)}/neighbours${filters ? `?${filters}` : ""}`);
        if (!res.ok) throw new Error(`neighbours ${res.status}`);
        return (await res.json()) as Neighbours;
      },
    }),
  );
  useEffect(() => walker.shown(id), [walker, id]);
  const step = (direction: keyof Neighbours) => void walker.step({ id, neighbours: props.neighbours }, direction);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=menu], [role=listbox]")) return;
      if (event.key === "ArrowLeft" && props.neighbours.previous) step("previous");
      else if (event.key === "ArrowRight" && props.neighbours.next) step("next");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const prompt = detail.generation?.prompt ?? detail.recipe.prompt ?? "";
  return (
    <div className={cn("grid min-h-0 gap-4 lg:grid-cols-[minmax(0,1fr)_380px]", props.inModal ? "h-full lg:grid-rows-[minmax(0,1fr)]" : "")}>
      <div className={cn("grid min-h-0 min-w-0 grid-rows-[auto_minmax(0,1fr)] gap-2", props.inModal ? "" : "lg:sticky lg:top-18 lg:h-[calc(100dvh-6rem)]")}>
        <div className="flex items-center justify-between gap-2">
          {props.inModal ? (
            <Button type="button" variant="ghost" size="sm" onClick={close}><X aria-hidden /> Close</Button>
          ) : (
            <Link href={galleryHref} className="inline-flex items-center gap-1 rounded text-[13px] text-muted-foreground hover:text-foreground">
              <ChevronLeft aria-hidden className="size-4" /> Gallery
            </Link>
          )}
          <div className="flex items-center gap-1">
            <NavButton label="Previous image" assetId={props.neighbours.previous} href={(a) => assetHref(projectId, a, props.filters)} onStep={() => step("previous")}><ChevronLeft aria-hidden /></NavButton>
            <span className="hidden text-xs text-muted-foreground sm:inline"><kbd className="font-sans">←</kbd> <kbd className="font-sans">→</kbd></span>
            <NavButton label="Next image" assetId={props.neighbours.next} href={(a) => assetHref(projectId, a, props.filters)} onStep={() => step("next")}><ChevronRight aria-hidden /></NavButton>
          </div>
        </div>
        {/* Below lg the frame takes the image's own shape (no black bands on a phone); beside the panel it fills the height. */}
        <div className="max-h-[70dvh] min-h-0 lg:!aspect-auto lg:h-auto lg:max-h-none" style={{ aspectRatio: `${detail.width} / ${detail.height}` }}>
          <ZoomPanImage key={id} src={detail.urls.routes.original} placeholder={detail.urls.routes.thumbLarge} width={detail.width} height={detail.height}
            alt={prompt ? `Image: ${prompt.slice(0, 140)}` : "Image"} />
        </div>
      </div>
      <aside aria-label="Image details" className={cn("grid min-w-0 content-start gap-5", props.inModal ? "min-h-0 lg:overflow-y-auto lg:pr-1" : "")}>
        <AssetActions detail={detail} onChange={setDetail} canEdit={props.canEdit} canGenerate={props.canGenerate} inModal={props.inModal ?? false}
          afterDelete={() => (props.neighbours.next ? go(props.neighbours.next) : props.neighbours.previous ? go(props.neighbours.previous) : close())} />
        <AssetRecipe detail={detail} />
        <AssetLineage detail={detail} filters={props.filters} />
      </aside>
    </div>
  );
}

function NavButton(props: { label: string; assetId: string | null; href: (id: string) => string; onStep: () => void; children: React.ReactNode }) {
  if (!props.assetId) {
    return <Button type="button" variant="secondary" size="icon-sm" aria-label={props.label} disabled>{props.children}</Button>;
  }
  // A plain click steps like the arrow key (quick clicks each count); modified clicks open the link as usual.
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    props.onStep();
  };
  return (
    <Button asChild variant="secondary" size="icon-sm">
      <Link href={props.href(props.assetId)} replace scroll={false} aria-label={props.label} onClick={onClick}>{props.children}</Link>
    </Button>
  );
}
