import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { THUMB_WIDTHS } from "@/lib/images/thumb-widths";
import { narrowRowHeightCss } from "./row-height";

/** The first tiles: fetched at high priority (the Largest Contentful Paint is one of these), and preloaded by the page. */
export const HIGH_PRIORITY_TILES = 4;

/**
 * A tile's image as `src` + `srcset`, so the browser picks by the tile's CSS width and its own pixel ratio — the server
 * can't know the ratio, and the choice must not change between the server's HTML and the measured grid (that would
 * fetch a second image). Presigned URLs are cached by the browser while valid; past that the image route redirects.
 */
export function tileImageSources(asset: GalleryAssetDto, failed: boolean) {
  const stale = failed || Date.parse(asset.urls.expiresAt) <= Date.now();
  const small = stale ? asset.urls.routes.thumbSmall : asset.urls.thumbSmall;
  const large = stale ? asset.urls.routes.thumbLarge : asset.urls.thumbLarge;
  // A thumbnail is never wider than its original (no enlargement).
  return { src: large, srcSet: `${small} ${Math.min(asset.width, THUMB_WIDTHS.small)}w, ${large} ${Math.min(asset.width, THUMB_WIDTHS.large)}w` };
}

/** The tile's displayed width for `sizes`: one row height times its aspect ratio (on a phone the row follows the width). */
export function tileImageSizes(asset: GalleryAssetDto, targetHeight: number) {
  const ratio = asset.width > 0 && asset.height > 0 ? asset.width / asset.height : 1;
  return `(max-width: 639px) calc(${ratio.toFixed(3)} * ${narrowRowHeightCss(targetHeight)}), ${Math.round(ratio * targetHeight)}px`;
}
