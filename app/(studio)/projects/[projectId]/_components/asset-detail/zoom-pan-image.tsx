"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Maximize, Minus, Plus } from "lucide-react";
import { Button } from "@/app/_components/ui/button";

const MIN = 1;
const MAX = 8;
type View = { scale: number; x: number; y: number };
const FIT: View = { scale: 1, x: 0, y: 0 };

/**
 * The full-size image, fitted to its frame, with zoom (wheel, double-click, +/−/0 keys, buttons) and pan (drag) done
 * with one CSS transform: no library, no re-layout while moving. The wheel zooms around the pointer so the point under
 * it stays put, as in every image viewer people know. The large thumbnail paints first; the original replaces it.
 */
export function ZoomPanImage(props: { src: string; placeholder: string; alt: string; width: number; height: number }) {
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);
  const [view, setView] = useState<View>(FIT);
  const [loaded, setLoaded] = useState(false);

  // A new image starts fitted (arrow keys move between images inside the same component).
  useEffect(() => {
    setView(FIT);
    setLoaded(false);
  }, [props.src]);

  const zoomAt = useCallback((factor: number, cx?: number, cy?: number) => {
    setView((v) => {
      const scale = Math.min(MAX, Math.max(MIN, v.scale * factor));
      if (scale === MIN) return FIT;
      const rect = frame.current?.getBoundingClientRect();
      // The point (relative to the frame's centre) that must stay under the pointer.
      const px = rect && cx !== undefined ? cx - rect.left - rect.width / 2 : 0;
      const py = rect && cy !== undefined ? cy - rect.top - rect.height / 2 : 0;
      const k = scale / v.scale;
      return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
    });
  }, []);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    // Non-passive so the page doesn't scroll while zooming.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [zoomAt]);

  return (
    <div className="relative h-full min-h-0 w-full overflow-hidden rounded-lg bg-black/40">
      <div
        ref={frame}
        role="img"
        aria-label={props.alt}
        tabIndex={0}
        className="absolute inset-0 flex touch-none items-center justify-center outline-none select-none focus-visible:ring-2 focus-visible:ring-ring"
        style={{ cursor: view.scale > 1 ? (drag.current ? "grabbing" : "grab") : "zoom-in" }}
        onDoubleClick={(e) => (view.scale > 1 ? setView(FIT) : zoomAt(2.5, e.clientX, e.clientY))}
        onPointerDown={(e) => {
          if (view.scale <= 1) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setView((v) => ({ ...v, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y }));
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={(e) => {
          if (e.key === "+" || e.key === "=") zoomAt(1.5);
          else if (e.key === "-") zoomAt(1 / 1.5);
          else if (e.key === "0") setView(FIT);
          else return;
          e.preventDefault();
        }}
      >
        <div className="absolute inset-0" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}>
          <img src={props.placeholder} alt="" aria-hidden draggable={false} width={props.width} height={props.height}
            className="absolute inset-0 size-full object-contain" style={{ visibility: loaded ? "hidden" : "visible" }} />
          <img src={props.src} alt="" aria-hidden draggable={false} onLoad={() => setLoaded(true)} width={props.width} height={props.height}
            className="absolute inset-0 size-full object-contain" />
        </div>
      </div>
      <div className="absolute right-2 bottom-2 flex items-center gap-1 rounded-lg border border-border bg-background/80 p-1 backdrop-blur">
        <Button type="button" variant="ghost" size="icon-sm" aria-label="Zoom out" disabled={view.scale <= MIN} onClick={() => zoomAt(1 / 1.5)}><Minus aria-hidden /></Button>
        <span className="w-11 text-center text-xs tabular-nums text-muted-foreground" aria-live="polite">{Math.round(view.scale * 100)}%</span>
        <Button type="button" variant="ghost" size="icon-sm" aria-label="Zoom in" disabled={view.scale >= MAX} onClick={() => zoomAt(1.5)}><Plus aria-hidden /></Button>
        <Button type="button" variant="ghost" size="icon-sm" aria-label="Fit to frame" disabled={view.scale === 1} onClick={() => setView(FIT)}><Maximize aria-hidden /></Button>
      </div>
    </div>
  );
}
