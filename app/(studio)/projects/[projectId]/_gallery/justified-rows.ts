// A justified layout (Flickr/Google Photos style): images keep their aspect ratio, each row is scaled so it fills the
// width exactly. Pure and cheap (one pass over the loaded items) so it can be recomputed on every resize, arrival or
// removal, and the virtualizer gets exact row heights instead of estimates (no jumps while scrolling).

export type JustifiedItem = { width: number; height: number };
/** `full` rows fill the width (tiles grow in proportion to `widths`); the last row may not. */
export type JustifiedRow = { start: number; end: number; height: number; widths: number[]; full: boolean };

export function justifiedRows(items: readonly JustifiedItem[], options: { width: number; targetHeight: number; gap: number }): JustifiedRow[] {
  const { width, targetHeight, gap } = options;
  if (width <= 0) return [];
  const rows: JustifiedRow[] = [];
  let start = 0;
  let ratioSum = 0;
  for (let i = 0; i < items.length; i++) {
    ratioSum += ratioOf(items[i]!);
    const count = i - start + 1;
    const fullHeight = (width - gap * (count - 1)) / ratioSum;
    // Close the row once filling the width would make it no taller than the target.
    if (fullHeight <= targetHeight) {
      rows.push(row(items, start, i + 1, fullHeight, true));
      start = i + 1;
      ratioSum = 0;
    }
  }
  // The last, partial row keeps the target height rather than being blown up to fill the width.
  if (start < items.length) rows.push(row(items, start, items.length, Math.min(targetHeight, (width - gap * (items.length - start - 1)) / ratioSum), false));
  return rows;
}

function ratioOf(item: JustifiedItem) {
  // Guard against bad metadata: a 0×0 asset would divide by zero; extreme panoramas would hog a whole row.
  const ratio = item.width > 0 && item.height > 0 ? item.width / item.height : 1;
  return Math.min(Math.max(ratio, 0.25), 4);
}

function row(items: readonly JustifiedItem[], start: number, end: number, height: number, full: boolean): JustifiedRow {
  const h = Math.max(1, Math.floor(height));
  return { start, end, height: h, widths: items.slice(start, end).map((item) => ratioOf(item) * h), full };
}

/**
 * Each tile's box in a row (x from the row's left edge, width in px): a full row's tiles are scaled so they and the
 * gaps fill `width` exactly; a partial row keeps its widths. The grid places tiles absolutely with these, as siblings
 * of one container, so a tile keeps its DOM node when the layout changes (the server's first rows, then the measured
 * width, then a resize): its image is never re-created, re-requested or re-reported as a new paint.
 */
export function placeRow(row: JustifiedRow, width: number, gap: number): { x: number; w: number }[] {
  const natural = row.widths.reduce((a, b) => a + b, 0);
  const scale = row.full && natural > 0 ? (width - gap * (row.widths.length - 1)) / natural : 1;
  let x = 0;
  return row.widths.map((w) => {
    const box = { x, w: w * scale };
    x += box.w + gap;
    return box;
  });
}

/** Width over height as the layout uses it (clamped: bad metadata and extreme panoramas). */
export function aspectOf(item: JustifiedItem) {
  return ratioOf(item);
}
