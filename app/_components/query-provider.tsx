"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";

// One QueryClient per browser tab (module scope), so cached gallery pages survive navigating to an image and back:
// the grid comes back at once, at the same place. On the server every request gets its own.
let browserClient: QueryClient | undefined;

function makeClient() {
  return new QueryClient({
    defaultOptions: {
      // Live events patch the cache; refetching on focus would only re-read what the stream already told us.
      queries: { staleTime: 60_000, gcTime: 30 * 60_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

function queryClient() {
  if (isServer) return makeClient();
  browserClient ??= makeClient();
  return browserClient;
}

/** TanStack Query's cache and nuqs's URL state for the studio's live, client-side views. */
export function QueryProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient()}>
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryClientProvider>
  );
}
