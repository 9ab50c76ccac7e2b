"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { aspectOf, justifiedRows, placeRow } from "./justified-rows";
import { GalleryTile, type TileHandlers } from "./gallery-tile";
import { narrowRowHeightCss, rowHeightFor } from "./row-height";

const GAP = 6;
/** Tiles the server renders before the grid knows its width: enough rows for a tall screen at the largest density. */
const FIRST_TILES = 36;

type Props = {
  assets: GalleryAssetDto[];
  targetHeight: number;
  selected: ReadonlySet<string>;
  canEdit: boolean;
  trash: boolean;
  handlers: TileHandlers;
  /** Asked for when the last rows come near the screen. */
  onNearEnd: () => void;
  /** Appended to each tile's link (see GalleryTile). */
  detailQuery: string;
};

/**
 * The justified grid, virtualized by row against the window's scroll: only the rows near the screen are in the DOM
 * (a few dozen images whether 100 or 20,000 are loaded). Row heights are exact, so nothing jumps.
 *
 * Before the grid has measured its width (the server's HTML, and hydration), its first tiles flow in CSS-only
 * justified rows (flex-wrap, each tile growing in proportion to its aspect ratio), so the first images are plain
 * <img> elements in the HTML and start loading with it; once measured, the same tiles (same keys, same parent, so the
 * same DOM nodes and the same image requests) are placed absolutely by the virtualizer.
 */
export function GalleryGrid({ assets, targetHeight, selected, canEdit, trash, handlers, onNearEnd, detailQuery }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offsetTop, setOffsetTop] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setOffsetTop(el.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    // A resize re-lays the rows out before the browser paints: ResizeObserver calls back between layout and paint, and
    // flushSync commits there, so no frame shows the old width's rows (which overflowed sideways when the window
    // narrowed). A plain state update would render in a later task, after that frame was painted.
    const observer = new ResizeObserver(() => flushSync(measure));
    observer.observe(el);
    // Whatever sits above the grid changes height — the filters (in its section), the live queue and on narrow screens
    // the generate panel (outside it), a notice streamed into the layout — and the grid's page offset moves with it.
    // A stale offset renders rows for the wrong part of the page: off screen by the difference, and at the end the
    // last rows (which ask for the next page) never render. The body resizes with any of them.
    if (el.parentElement) observer.observe(el.parentElement);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // Narrow grids (phones) get rows that follow their width (row-height.ts).
  const rowHeight = rowHeightFor(width, targetHeight);
  const rows = useMemo(() => justifiedRows(assets, { width, targetHeight: rowHeight, gap: GAP }), [assets, width, rowHeight]);
  // Row tops, so a tile's position is one lookup (the virtualizer's starts include its scroll margin).
  const tops = useMemo(() => {
    const out: number[] = [];
    let y = 0;
    for (const row of rows) {
      out.push(y);
      y += row.height + GAP;
    }
    return out;
  }, [rows]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => (rows[i]?.height ?? rowHeight) + GAP,
    overscan: 3,
    scrollMargin: offsetTop,
    // The first measured render already knows the window: no frame with zero rows (which would drop the server's
    // tiles and mount them again).
    initialRect: typeof window === "undefined" ? undefined : { width: window.innerWidth, height: window.innerHeight },
    initialOffset: () => (typeof window === "undefined" ? 0 : window.scrollY),
    // By default a scroll that changes the visible rows re-renders the grid inside the scroll event (flushSync): the
    // new rows' tiles were rendered synchronously there, one long task per fast scroll step. A plain update lets
    // React batch it with the next frame's work; overscan keeps the rows ready before they are on screen.
    useFlushSync: false,
  });
  // Rows change height when the width, density or content changes: re-measure from the new sizes.
  useEffect(() => {
    virtualizer.measure();
  }, [rows, virtualizer]);

  // Images arriving at the top (live results) must not push what the viewer is looking at down the page: when the
  // first asset changed and the old first is still in the list, scroll by the height the grid grew.
  const anchor = useRef<{ first: string | undefined; total: number }>({ first: undefined, total: 0 });
  const total = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const previous = anchor.current;
    anchor.current = { first: assets[0]?.id, total };
    if (!previous.first || previous.first === assets[0]?.id || total <= previous.total) return;
    if (!assets.some((a) => a.id === previous.first)) return;
    if (window.scrollY > offsetTop) window.scrollBy(0, total - previous.total);
  }, [assets, total, offsetTop]);

  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && last >= rows.length - 6) onNearEnd();
  }, [last, rows.length, onNearEnd]);
  const common = { canEdit, trash, handlers, detailQuery, selecting: selected.size > 0, targetHeight };
  if (width === 0) {
    return (
      <div ref={ref} className="flex w-full flex-wrap items-start [--row-h:var(--narrow-row-h)] sm:[--row-h:var(--target-h)]"
        style={{ gap: GAP, ["--target-h" as string]: `${targetHeight}px`, ["--narrow-row-h" as string]: narrowRowHeightCss(targetHeight) }} data-testid="gallery-grid">
        {assets.slice(0, FIRST_TILES).map((asset, index) => (
          <GalleryTile key={asset.id} asset={asset} index={index} placed={false} x={0} y={0} w={aspectOf(asset)} h={0}
            selected={selected.has(asset.id)} {...common} />
        ))}
        {/* Takes the last row's free space, so a partial last row keeps the target height like the measured grid's. */}
        <div aria-hidden className="h-px grow-[1000000]" />
      </div>
    );
  }
  return (
    <div ref={ref} className="relative w-full" style={{ height: total }} data-testid="gallery-grid">
      {items.flatMap((item) => {
        const row = rows[item.index]!;
        const boxes = placeRow(row, width, GAP);
        return boxes.map((box, i) => {
          const index = row.start + i;
          const asset = assets[index]!;
          return (
            <GalleryTile key={asset.id} asset={asset} index={index} placed x={box.x} y={tops[item.index]!} w={box.w} h={row.height}
              selected={selected.has(asset.id)} {...common} />
          );
        });
      })}
    </div>
  );
}
