"use client";

import { createContext, use, useCallback, useState, type ReactNode } from "react";

// One polite ARIA live region for the page: new results, finished jobs. Screen readers announce what is put here.
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => {
    // Cleared first so the same sentence twice is still announced twice.
    setMessage("");
    requestAnimationFrame(() => setMessage(text));
  }, []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">{message}</div>
    </AnnounceContext>
  );
}

export function useAnnounce() {
  return use(AnnounceContext);
}
