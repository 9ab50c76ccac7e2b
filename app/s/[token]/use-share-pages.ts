"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ShareGalleryItem, ShareGalleryPage } from "@/lib/share/share-gallery";
import { sharePagePath } from "./share-api";

/**
 * The share page's later pages (GET /s/:token/assets?cursor=…): loaded when the sentinel below the grid comes within
 * a screen of the viewport, or when the visitor presses "Show more" (the same action, reachable by keyboard and
 * without scrolling). One request at a time; a page already seen is never appended twice.
 */
export function useSharePages(options: {
  token: string;
  nextCursor: string | null;
  append: (items: ShareGalleryItem[]) => void;
}) {
  const { token, append } = options;
  const [cursor, setCursor] = useState(options.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const sentinel = useRef<HTMLDivElement | null>(null);

  const loadMore = useCallback(async (): Promise<boolean> => {
    if (!cursor || busy.current) return false;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const res = await fetch(sharePagePath(token, cursor), { headers: { accept: "application/json" } });
      const json = (await res.json().catch(() => null)) as { data?: ShareGalleryPage; error?: { message: string } } | null;
      if (!res.ok || !json?.data) {
        setError(res.status === 404 ? "This link is no longer available." : json?.error?.message ?? "Couldn't load more images. Try again.");
        return false;
      }
      append(json.data.items);
      setCursor(json.data.nextCursor);
      return true;
    } catch {
      setError("Couldn't reach the server. Check your connection and try again.");
      return false;
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [cursor, token, append]);

  // Scrolling near the end loads the next page. Not after a failure: the visitor retries with the button, so a
  // broken connection doesn't turn into a request loop.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || error) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadMore();
    }, { rootMargin: "0px 0px 100% 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [cursor, error, loadMore]);

  return { hasMore: cursor !== null, loading, error, loadMore, sentinel };
}
