// How tall the gallery's rows are. The density (ROW_HEIGHTS) sets it on a wide grid; on a narrow one
// (a phone) a fixed height made tiles small — at 390 px two or three thumbnails ~100 px tall per row, however few
// images the project had — so there the height follows the grid's width: at the comfortable density a 16:9 image
// fills a phone's row alone and two squares share one; compact and large scale with their heights.

/** Below this grid width rows follow the width (Tailwind's `sm`, where the page's side padding also changes). */
export const NARROW = 640;
/** The narrow row height as a share of the grid's width, per px of the density's row height (0.6 at 230 px). */
const SHARE_PER_PX = 0.6 / 230;

export function narrowShare(targetHeight: number) {
  return targetHeight * SHARE_PER_PX;
}

export function rowHeightFor(width: number, targetHeight: number) {
  return width > 0 && width < NARROW ? Math.round(Math.min(targetHeight, width * narrowShare(targetHeight))) : targetHeight;
}

/**
 * The same for the server's CSS-only rows, before the grid is measured: the grid is the viewport less the page's 12 px
 * side padding below `sm`. A CSS length, for `--row-h` (and the images' `sizes`).
 */
export function narrowRowHeightCss(targetHeight: number) {
  return `min(${targetHeight}px, calc((100vw - 24px) * ${narrowShare(targetHeight).toFixed(4)}))`;
}

/** Target row heights in px for the density control (gallery-filters' `density`); narrow screens scale them down. */
export const ROW_HEIGHTS = { compact: 150, comfortable: 230, large: 340 } as const;
