"use client";

import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Dialog as DialogPrimitive } from "radix-ui";

/**
 * The detail as a dialog over the gallery. Closing (Escape, the overlay, the Close button) is a history step back,
 * so the gallery URL returns and the browser's Back button behaves the same way.
 */
export function AssetModal({ children }: { children: ReactNode }) {
  const router = useRouter();
  return (
    <DialogPrimitive.Root open onOpenChange={(open) => (open ? undefined : router.back())}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/75 backdrop-blur-sm" />
        <DialogPrimitive.Content aria-describedby={undefined}
          className="fixed inset-2 z-50 overflow-y-auto rounded-xl border border-border bg-background p-3 shadow-2xl shadow-black/60 sm:inset-4 sm:p-4 lg:overflow-hidden">
          <DialogPrimitive.Title className="sr-only">Image</DialogPrimitive.Title>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
