"use client";

import Link from "next/link";
import { memo, useState, type MouseEvent } from "react";
import { Check, Download, ImagePlus, RotateCcw, Star, Trash2 } from "lucide-react";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { cn } from "@/app/_components/cn";
import { thumbhashUrl } from "./thumbhash-url";

export type TileHandlers = {
  /** Click on the tile's checkbox, or on the tile itself while something is selected; `range` is a shift-click. */
  onSelect: (asset: GalleryAssetDto, index: number, range: boolean) => void;
  onFavourite: (asset: GalleryAssetDto) => void;
  onTrash: (asset: GalleryAssetDto) => void;
  onRestore: (asset: GalleryAssetDto) => void;
  onPurge: (asset: GalleryAssetDto) => void;
  onUseAsReference: (asset: GalleryAssetDto) => void;
  onOpen: () => void;
};

type Props = {
  asset: GalleryAssetDto;
  index: number;
  width: number;
  height: number;
  grow: boolean;
  selected: boolean;
  selecting: boolean;
  canEdit: boolean;
  trash: boolean;
  handlers: TileHandlers;
  /** The gallery's filters and sort as the API names them: the detail's arrow keys walk the same sequence. */
  detailQuery: string;
};

const actionButton =
  "flex size-8 items-center justify-center rounded-md bg-black/55 text-white backdrop-blur-sm transition-colors hover:bg-black/75 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white [&_svg]:size-4";

/** Presigned URLs are cached by the browser while valid; past that the image route redirects to a fresh one. */
function imageSrc(asset: GalleryAssetDto, pixelWidth: number, failed: boolean) {
  const small = pixelWidth <= 300;
  const stale = failed || Date.parse(asset.urls.expiresAt) <= Date.now();
  if (stale) return small ? asset.urls.routes.thumbSmall : asset.urls.routes.thumbLarge;
  return small ? asset.urls.thumbSmall : asset.urls.thumbLarge;
}

export const GalleryTile = memo(function GalleryTile({ asset, index, width, height, grow, selected, selecting, canEdit, trash, handlers, detailQuery }: Props) {
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  const dpr = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;
  const prompt = asset.recipe.prompt?.trim() || "Untitled image";
  const alt = prompt.length > 120 ? `${prompt.slice(0, 117)}…` : prompt;
  const onClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey) return; // open in a new tab as usual
    if (event.shiftKey || selecting || trash) {
      event.preventDefault();
      handlers.onSelect(asset, index, event.shiftKey);
      return;
    }
    handlers.onOpen();
  };
  const placeholder = thumbhashUrl(asset.thumbhash);
  return (
    <div
      data-asset-id={asset.id}
      data-selected={selected || undefined}
      className={cn(
        "group/tile relative overflow-hidden rounded-md bg-secondary bg-cover bg-center",
        selected && "ring-2 ring-primary ring-offset-2 ring-offset-background",
      )}
      style={{ flex: grow ? `${width} ${width} 0px` : `0 0 ${width}px`, height, backgroundImage: placeholder ? `url(${placeholder})` : undefined }}
    >
      <Link
        href={`/projects/${asset.projectId}/assets/${asset.id}${detailQuery ? `?${detailQuery}` : ""}`}
        onClick={onClick}
        prefetch={false}
        className="block size-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        <img
          src={imageSrc(asset, width * dpr, failed)}
          alt={alt}
          width={asset.width}
          height={asset.height}
          decoding="async"
          loading={index < 24 ? "eager" : "lazy"}
          fetchPriority={index < 6 ? "high" : undefined}
          draggable={false}
          onLoad={() => setLoaded(true)}
          onError={() => !failed && setFailed(true)}
          className={cn("size-full object-cover transition-opacity duration-300", loaded ? "opacity-100" : "opacity-0", selected && "opacity-85")}
        />
      </Link>
      {/* Tinted gradients keep the white controls readable on any image. */}
      <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 h-12 bg-gradient-to-b from-black/45 to-transparent opacity-0 transition-opacity group-hover/tile:opacity-100 group-focus-within/tile:opacity-100" />
      <button
        type="button"
        aria-label="Select image"
        aria-pressed={selected}
        onClick={(event) => handlers.onSelect(asset, index, event.shiftKey)}
        className={cn(
          "absolute top-1.5 left-1.5 flex size-7 items-center justify-center rounded-full border-2 border-white/90 shadow transition-opacity",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white [&_svg]:size-4",
          selected ? "bg-primary text-primary-foreground opacity-100" : "bg-black/30 text-transparent opacity-0 group-hover/tile:opacity-100 focus-visible:opacity-100 pointer-coarse:opacity-100",
          selecting && "opacity-100",
        )}
      >
        <Check aria-hidden strokeWidth={3} />
      </button>
      {asset.favourite && !trash ? (
        <Star aria-label="Favourite" role="img" className="absolute bottom-1.5 left-1.5 size-4 fill-amber-400 text-amber-400 drop-shadow group-hover/tile:opacity-0" />
      ) : null}
      <div
        className={cn(
          "absolute top-1.5 right-1.5 flex gap-1 opacity-0 transition-opacity group-hover/tile:opacity-100 group-focus-within/tile:opacity-100",
          selecting && "hidden",
        )}
      >
        {trash ? (
          canEdit ? (
            <>
              <button type="button" className={actionButton} aria-label="Restore" title="Restore" onClick={() => handlers.onRestore(asset)}><RotateCcw aria-hidden /></button>
              <button type="button" className={actionButton} aria-label="Delete permanently" title="Delete permanently" onClick={() => handlers.onPurge(asset)}><Trash2 aria-hidden /></button>
            </>
          ) : null
        ) : (
          <>
            {canEdit ? (
              <button type="button" className={actionButton} aria-label={asset.favourite ? "Remove from favourites" : "Add to favourites"} aria-pressed={asset.favourite}
                title={asset.favourite ? "Remove from favourites" : "Favourite"} onClick={() => handlers.onFavourite(asset)}>
                <Star aria-hidden className={cn(asset.favourite && "fill-amber-400 text-amber-400")} />
              </button>
            ) : null}
            <a className={actionButton} href={asset.urls.routes.download} download aria-label="Download" title="Download"><Download aria-hidden /></a>
            {canEdit ? (
              <>
                <button type="button" className={actionButton} aria-label="Use as reference" title="Use as reference" onClick={() => handlers.onUseAsReference(asset)}><ImagePlus aria-hidden /></button>
                <button type="button" className={actionButton} aria-label="Delete" title="Move to trash" onClick={() => handlers.onTrash(asset)}><Trash2 aria-hidden /></button>
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
});
