import type { CSSProperties } from "react";

// The share page's layout, chosen by how many images there are and laid out by CSS alone from the sizes the server
// knows (the HTML arrives in its final shape: nothing measured, no shift after hydration). Either way the images read
// left to right in the order the lightbox steps through (CSS columns, used before, read top to bottom and left a
// third column empty beside two images).
//
// - A few (FEW or fewer): one centred row at the largest height that fits the page's width and ~70 % of the screen's
//   height, so one image is shown as large as the screen allows and two or three sit side by side; too narrow a
//   screen wraps them into centred rows of at least MIN_FEW_HEIGHT.
// - More: justified rows, like a photographer's client gallery. Each tile grows in proportion to its aspect ratio
//   from a basis of (aspect × row height), so a row's images share one height and fill it edge to edge; the last row
//   keeps the basis height instead of stretching (a pseudo-element after the tiles takes its leftover space), and no
//   tile grows past 1.75× its basis, so an image that ends up alone on a row (the next didn't fit) isn't blown up
//   to the page's width.
// - Below the sm breakpoint every image takes the full width, one under the other.

export const FEW = 3;
const GAP = "1rem";
// The page's padding at sm and up (share-gallery-view.tsx: px-8) and its widest content.
const PAGE_PADDING = "4rem";
const PAGE_MAX = "1600px";
const MIN_FEW_HEIGHT = "14rem";
const aspect = (item: { width: number; height: number }) => (item.width > 0 && item.height > 0 ? item.width / item.height : 1);

export function gridClass(count: number): string {
  const base = "flex flex-wrap gap-4";
  return count > FEW
    ? `${base} [--row:16rem] lg:[--row:20rem] 2xl:[--row:22rem] sm:after:grow-[1000000] sm:after:content-['']`
    : `${base} justify-center`;
}

export function gridStyle(items: { width: number; height: number }[]): CSSProperties | undefined {
  if (items.length > FEW) return undefined;
  const sum = items.reduce((total, item) => total + aspect(item), 0).toFixed(4);
  const fit = `(min(100vw, ${PAGE_MAX}) - ${PAGE_PADDING} - ${items.length - 1} * ${GAP} - 1rem) / ${sum}`;
  return { "--h": `max(${MIN_FEW_HEIGHT}, min(70dvh, 44rem, ${fit}))` } as CSSProperties;
}

export function tileClass(count: number): string {
  return count > FEW
    ? "min-w-0 basis-full sm:grow-(--ar) sm:basis-[calc(var(--ar)*var(--row))] sm:max-w-[calc(var(--ar)*var(--row)*1.75)]"
    : "min-w-0 w-full sm:w-[calc(var(--ar)*var(--h))] sm:max-w-full";
}

export function tileStyle(item: { width: number; height: number }): CSSProperties {
  return { "--ar": aspect(item).toFixed(4) } as CSSProperties;
}
