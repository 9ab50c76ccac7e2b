"use client";

import { useCallback, useEffect, useState } from "react";
import { Check, ChevronLeft, ChevronRight, Download, MessageSquare, X } from "lucide-react";
import type { ShareGallery, ShareGalleryItem } from "@/lib/share/share-gallery";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_components/cn";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogDescription, DialogTitle } from "@/app/_components/ui/dialog";
import { DialogContent as BareContent, DialogPortal, DialogOverlay } from "./lightbox-primitives";
import { downloadPath, imagePath } from "./share-api";
import { GuestPanel } from "./guest-panel";
import { FEW, gridClass, gridStyle, tileClass, tileStyle } from "./share-grid";
import { useSharePages } from "./use-share-pages";

const STATUS_LABEL = { approved: "Approved", rejected: "Changes requested", pending: "In review", none: "Awaiting review" } as const;

export function ShareGalleryView({ token, gallery: initial }: { token: string; gallery: ShareGallery }) {
  const [gallery, setGallery] = useState(initial);
  const [open, setOpen] = useState<number | null>(null);
  const items = gallery.items;
  // The whole link's size, never less than what is loaded (images added since the first page arrive in later ones).
  const total = Math.max(gallery.total, items.length);
  const append = useCallback((more: ShareGalleryItem[]) => setGallery((g) => {
    const seen = new Set(g.items.map((it) => it.id));
    return { ...g, items: [...g.items, ...more.filter((it) => !seen.has(it.id))] };
  }), []);
  const pages = useSharePages({ token, nextCursor: initial.nextCursor, append });
  const current = open === null ? null : items[open] ?? null;
  const { hasMore, loadMore } = pages;
  // Past the last loaded image the lightbox loads the next page and steps into it; it wraps round only once the
  // whole set is here (wrapping earlier would skip the images not loaded yet).
  const step = useCallback((delta: number) => {
    if (open === null) return;
    const next = open + delta;
    if (next >= items.length && hasMore) {
      void loadMore().then((loaded) => loaded && setOpen(next));
      return;
    }
    setOpen((next + items.length) % items.length);
  }, [open, items.length, hasMore, loadMore]);
  useEffect(() => {
    if (open === null) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement | null)?.closest("input, textarea")) return;
      if (e.key === "ArrowRight") step(1);
      if (e.key === "ArrowLeft") step(-1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, step]);
  // Every tile gets the same caption strip (or none), so a row's tiles end level.
  // Two or three images sit centred, so the title does too.
  const few = items.length > 0 && items.length <= FEW;
  const captioned = gallery.allowApprove || gallery.allowComment || gallery.allowDownload;
  const patch = (id: string, change: (item: ShareGalleryItem) => ShareGalleryItem) =>
    setGallery((g) => ({ ...g, items: g.items.map((it) => (it.id === id ? change(it) : it)) }));

  return (
    <main className="mx-auto max-w-[1600px] px-4 pt-10 pb-16 sm:px-8">
      <header className={cn("mb-8 flex flex-wrap items-end justify-between gap-x-6 gap-y-2", few && "flex-col items-center text-center")}>
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{gallery.name}</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {total === 1 ? "1 image" : `${total} images`}
            {gallery.expiresAt ? <> · available until <time dateTime={gallery.expiresAt}>{new Date(gallery.expiresAt).toLocaleDateString(undefined, { dateStyle: "long" })}</time></> : null}
          </p>
        </div>
        {gallery.allowApprove || gallery.allowComment ? (
          <p className="max-w-md text-sm text-muted-foreground">Open an image to {gallery.allowApprove ? "approve it or request changes" : "leave a comment"}{gallery.allowApprove && gallery.allowComment ? ", and to comment" : ""}.</p>
        ) : null}
      </header>
      {items.length === 0 ? (
        <p className="py-24 text-center text-muted-foreground">There are no images here yet.</p>
      ) : (
        <ul className={gridClass(items.length)} style={gridStyle(items)} aria-label="Images">
          {items.map((item, index) => (
            <li key={item.id} className={tileClass(items.length)} style={tileStyle(item)}>
              <figure className="overflow-hidden rounded-lg bg-card shadow-sm ring-1 ring-border/60">
                <button type="button" onClick={() => setOpen(index)} className="block w-full cursor-zoom-in focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                  aria-label={`Open image ${index + 1} of ${total}`}>
                  <img src={imagePath(token, item.id, "large")} alt={item.recipe?.prompt || `Image ${index + 1}`} width={item.width} height={item.height}
                    loading={index < 6 ? "eager" : "lazy"} className="block h-auto w-full bg-muted" />
                </button>
                {captioned ? (
                  <figcaption className="flex min-h-11 min-w-0 items-center gap-2 px-2.5 py-1.5 text-[13px] text-muted-foreground">
                    {item.approvalStatus ? <StatusBadge status={item.approvalStatus} /> : null}
                    {item.comments.length ? (
                      <span className="flex shrink-0 items-center gap-1" title={item.comments.length === 1 ? "1 comment" : `${item.comments.length} comments`}>
                        <MessageSquare aria-hidden className="size-3.5" />{item.comments.length}<span className="sr-only"> {item.comments.length === 1 ? "comment" : "comments"}</span>
                      </span>
                    ) : null}
                    {gallery.allowDownload ? (
                      // Icon only: a portrait tile in a justified row can be narrow, and the word would be cut off.
                      <Button asChild size="icon-sm" variant="ghost" className="ms-auto shrink-0">
                        <a href={downloadPath(token, item.id)} aria-label={`Download image ${index + 1}`} title="Download"><Download aria-hidden /></a>
                      </Button>
                    ) : null}
                  </figcaption>
                ) : null}
              </figure>
            </li>
          ))}
        </ul>
      )}
      {hasMore || pages.error ? (
        // The sentinel sits a screen above the end (the observer's margin), so the next page usually arrives before
        // the visitor gets there; the button does the same for a keyboard or a screen reader, and retries a failure.
        <div ref={pages.sentinel} className="mt-10 flex flex-col items-center gap-3 text-sm text-muted-foreground">
          <p role="status">Showing {items.length} of {total} images</p>
          {pages.error ? <p className="text-destructive" role="alert">{pages.error}</p> : null}
          {hasMore ? (
            <Button variant="secondary" onClick={() => void loadMore()} disabled={pages.loading} aria-busy={pages.loading}>
              {pages.loading ? "Loading…" : pages.error ? "Try again" : "Show more images"}
            </Button>
          ) : null}
        </div>
      ) : null}
      <Dialog open={current !== null} onOpenChange={(v) => !v && setOpen(null)}>
        <DialogPortal>
          <DialogOverlay className="fixed inset-0 z-50 bg-black/90" />
          <BareContent className="fixed inset-0 z-50 flex flex-col outline-none lg:flex-row">
            {current && open !== null ? (
              <>
                <div className="relative flex min-h-0 flex-1 items-center justify-center p-2 sm:p-6">
                  <img key={current.id} src={imagePath(token, current.id, "original")} alt={current.recipe?.prompt || `Image ${open + 1}`}
                    width={current.width} height={current.height} className="max-h-[calc(60dvh-1rem)] w-auto max-w-full object-contain sm:max-h-[calc(60dvh-3rem)] lg:max-h-[calc(100dvh-3rem)]" />
                  {total > 1 ? (
                    <>
                      <Button size="icon" variant="secondary" className="absolute top-1/2 left-2 -translate-y-1/2 rounded-full sm:left-4" onClick={() => step(-1)} aria-label="Previous image"><ChevronLeft aria-hidden /></Button>
                      <Button size="icon" variant="secondary" className="absolute top-1/2 right-2 -translate-y-1/2 rounded-full sm:right-4" onClick={() => step(1)} aria-label="Next image"><ChevronRight aria-hidden /></Button>
                    </>
                  ) : null}
                </div>
                <aside className="grid max-h-[40dvh] content-start gap-5 overflow-y-auto border-t border-border bg-card p-5 lg:max-h-none lg:w-96 lg:border-t-0 lg:border-l">
                  <div className="flex items-start gap-2">
                    <div className="min-w-0 flex-1">
                      <DialogTitle className="text-base">Image {open + 1} of {total}</DialogTitle>
                      <DialogDescription className="sr-only">The image at full size{gallery.allowApprove ? ", with approval" : ""}{gallery.allowComment ? " and comments" : ""}.</DialogDescription>
                    </div>
                    <Button size="icon-sm" variant="ghost" onClick={() => setOpen(null)} aria-label="Close"><X aria-hidden /></Button>
                  </div>
                  {current.recipe ? (
                    <dl className="grid gap-2 text-sm">
                      <div><dt className="text-xs text-muted-foreground">Prompt</dt><dd className="break-words whitespace-pre-wrap">{current.recipe.prompt || "—"}</dd></div>
                      <div className="flex flex-wrap gap-x-5 gap-y-1">
                        {current.recipe.model ? <div><dt className="text-xs text-muted-foreground">Model</dt><dd>{current.recipe.model}</dd></div> : null}
                        {current.recipe.aspectRatio ? <div><dt className="text-xs text-muted-foreground">Aspect ratio</dt><dd>{current.recipe.aspectRatio}</dd></div> : null}
                        {current.recipe.resolution ? <div><dt className="text-xs text-muted-foreground">Resolution</dt><dd>{current.recipe.resolution}</dd></div> : null}
                      </div>
                    </dl>
                  ) : null}
                  {gallery.allowDownload ? (
                    <Button asChild variant="secondary"><a href={downloadPath(token, current.id)}><Download aria-hidden /> Download original</a></Button>
                  ) : null}
                  <GuestPanel token={token} item={current} allowApprove={gallery.allowApprove} allowComment={gallery.allowComment} onChange={(change) => patch(current.id, change)} />
                </aside>
              </>
            ) : null}
          </BareContent>
        </DialogPortal>
      </Dialog>
    </main>
  );
}

export function StatusBadge({ status }: { status: keyof typeof STATUS_LABEL }) {
  const variant = status === "approved" ? "success" : status === "rejected" ? "destructive" : "default";
  return <Badge variant={variant}>{status === "approved" ? <Check aria-hidden className="size-3" /> : null}{STATUS_LABEL[status]}</Badge>;
}
