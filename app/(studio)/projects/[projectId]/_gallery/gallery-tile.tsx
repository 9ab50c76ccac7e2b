"use client";

import Link from "next/link";
import { memo, useState, type MouseEvent } from "react";
import dynamic from "next/dynamic";
import { Check, Download, FolderPlus, ImagePlus, RotateCcw, Star, Trash2 } from "lucide-react";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { cn } from "@/app/_components/cn";
import { thumbhashUrl } from "./thumbhash-url";
import { thumbhashColour } from "./thumbhash-colour";
import { HIGH_PRIORITY_TILES, tileImageSizes, tileImageSources } from "./tile-image";

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
  /**
   * Placed by the measured grid (`x`, `y`, `w`, `h` in px within it), or, before the grid knows its width (the
   * server's HTML), flowing in CSS-only justified rows: then `w` is the aspect ratio and `h` unused.
   */
  placed: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The density's row height: what `sizes` tells the browser, the same before and after measuring. */
  targetHeight: number;
  selected: boolean;
  selecting: boolean;
  canEdit: boolean;
  trash: boolean;
  handlers: TileHandlers;
  /** The gallery's filters and sort as the API names them: the detail's arrow keys walk the same sequence. */
  detailQuery: string;
};

const actionButton =
  "flex size-8 items-center justify-center rounded-md bg-black/60 text-white transition-colors hover:bg-black/80 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white [&_svg]:size-4";

// Its menu code (Radix dropdown, the collections fetch) loads the first time a tile's actions mount, not with the page.
const CollectionMenu = dynamic(() => import("./collection-menu").then((m) => m.CollectionMenu), { ssr: false });

/** The first screenful: fetched first and at once (the Largest Contentful Paint is one of these). */
const EAGER_TILES = 12;
/** As many as the server renders (gallery-grid's FIRST_TILES). */
const BLURRED_TILES = 36;

export const GalleryTile = memo(function GalleryTile({ asset, index, placed, x, y, w, h, targetHeight, selected, selecting, canEdit, trash, handlers, detailQuery }: Props) {
  const [failed, setFailed] = useState(false);
  // The hover actions (up to 4 buttons with icons, and their gradient) exist only once a pointer is over the tile or
  // focus moved into it: building them for every tile cost most of a scroll step's DOM work (SVG creation, attributes)
  // and a good part of the first page's layout, for controls shown on one tile at a time. Focus on the tile's link
  // mounts them after it in tab order, so the keyboard reaches them next; once mounted they stay while the tile does.
  const [engaged, setEngaged] = useState(false);
  const engage = () => !engaged && setEngaged(true);
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
  // The first screenful (what the server renders) gets the blurred thumbhash image; every tile below, the hash's average
  // colour (see thumbhash-colour.ts).
  const placeholder = index < BLURRED_TILES ? thumbhashUrl(asset.thumbhash) : undefined;
  const backgroundImage = placeholder ? `url(${placeholder})` : undefined;
  const backgroundColor = placeholder ? undefined : thumbhashColour(asset.thumbhash);
  // Flowing: grow in proportion to the aspect ratio from a basis of one row height, so a row's tiles share a height.
  const box = placed
    ? { position: "absolute" as const, left: x, top: y, width: w, height: h }
    : { flex: `${w} 1 calc(${w} * var(--row-h))`, aspectRatio: String(w) };
  // The page preloads the first tiles' images with these same strings: any difference would fetch a second image.
  const sizes = tileImageSizes(asset, targetHeight);
  const { src, srcSet } = tileImageSources(asset, failed);
  return (
    <div
      data-asset-id={asset.id}
      data-selected={selected || undefined}
      className={cn(
        "group/tile relative overflow-hidden rounded-md bg-secondary bg-cover bg-center",
        selected && "ring-2 ring-primary ring-offset-2 ring-offset-background",
      )}
      style={{ ...box, backgroundImage, backgroundColor }}
      // "over" and "move", not "enter": React builds enter from the pointerout of the element left, which a removed
      // element (a dismissed toast) or a tile that slid under a resting pointer never sends. Any movement on the tile
      // mounts its actions; engage() is a no-op once they are.
      onPointerOver={engage}
      onPointerMove={engage}
      onFocus={engage}
    >
      <Link
        href={`/projects/${asset.projectId}/assets/${asset.id}${detailQuery ? `?${detailQuery}` : ""}`}
        onClick={onClick}
        prefetch={false}
        className="block size-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
      >
        {/* No fade-in: an image hidden until a load handler runs would wait for hydration to be seen (and to count
            as painted); it simply covers its placeholder. */}
        <img
          src={src}
          srcSet={srcSet}
          sizes={sizes}
          alt={alt}
          width={asset.width}
          height={asset.height}
          decoding={index < EAGER_TILES ? "auto" : "async"}
          loading={index < EAGER_TILES ? "eager" : "lazy"}
          fetchPriority={index < HIGH_PRIORITY_TILES ? "high" : undefined}
          draggable={false}
          onError={() => !failed && setFailed(true)}
          className={cn("size-full object-cover", selected && "opacity-85")}
        />
      </Link>
      {/* Tinted gradients keep the white controls readable on any image. */}
      {engaged ? <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 h-12 bg-gradient-to-b from-black/45 to-transparent opacity-0 transition-opacity group-hover/tile:opacity-100 group-focus-within/tile:opacity-100" /> : null}
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
        {/* Its check only shows when selected (transparent otherwise): one SVG fewer per tile. */}
        {selected ? <Check aria-hidden strokeWidth={3} /> : null}
      </button>
      {asset.favourite && !trash ? (
        <Star aria-label="Favourite" role="img" className="absolute bottom-1.5 left-1.5 size-4 fill-amber-400 text-amber-400 drop-shadow group-hover/tile:opacity-0" />
      ) : null}
      {engaged ? <div
        className={cn(
          // Never over the select button (top left): on a narrow tile (a phone, a tall image) the actions wrap onto a
          // second row instead of covering it and taking its tap.
          "absolute top-1.5 right-1.5 left-10 flex flex-wrap content-start justify-end gap-1 pointer-events-none opacity-0 transition-opacity group-hover/tile:opacity-100 group-focus-within/tile:opacity-100 [&>*]:pointer-events-auto",
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
                <CollectionMenu projectId={asset.projectId} ids={[asset.id]}
                  trigger={<button type="button" className={actionButton} aria-label="Add to collection" title="Add to collection…"><FolderPlus aria-hidden /></button>} />
                <button type="button" className={actionButton} aria-label="Use as reference" title="Use as reference" onClick={() => handlers.onUseAsReference(asset)}><ImagePlus aria-hidden /></button>
                <button type="button" className={actionButton} aria-label="Delete" title="Move to trash" onClick={() => handlers.onTrash(asset)}><Trash2 aria-hidden /></button>
              </>
            ) : null}
          </>
        )}
      </div> : null}
    </div>
  );
});
