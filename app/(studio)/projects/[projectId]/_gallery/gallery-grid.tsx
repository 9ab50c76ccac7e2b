"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { justifiedRows } from "./justified-rows";
import { GalleryTile, type TileHandlers } from "./gallery-tile";

const GAP = 6;

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
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // Whatever sits above the grid (the queue, the filters) changes height: the grid's page offset moves with it.
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, []);

  // Narrow screens get proportionally shorter rows, so a phone still shows two or three images across.
  const rowHeight = width > 0 && width < 640 ? Math.round(targetHeight * 0.62) : targetHeight;
  const rows = useMemo(() => justifiedRows(assets, { width, targetHeight: rowHeight, gap: GAP }), [assets, width, rowHeight]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => (rows[i]?.height ?? rowHeight) + GAP,
    overscan: 3,
    scrollMargin: offsetTop,
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

  return (
    <div ref={ref} className="relative w-full" style={{ height: total }} data-testid="gallery-grid">
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <div
            key={item.key}
            className="absolute inset-x-0 top-0 flex"
            style={{ gap: GAP, height: row.height, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {assets.slice(row.start, row.end).map((asset, i) => (
              <GalleryTile
                key={asset.id}
                asset={asset}
                index={row.start + i}
                width={row.widths[i]!}
                height={row.height}
                grow={row.full}
                selected={selected.has(asset.id)}
                selecting={selected.size > 0}
                canEdit={canEdit}
                trash={trash}
                handlers={handlers}
                detailQuery={detailQuery}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
