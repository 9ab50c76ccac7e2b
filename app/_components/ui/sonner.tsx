"use client";

import { Toaster as Sonner } from "sonner";

// Toasts: sonner's own region is an ARIA live region, so what they say is announced.
export function Toaster() {
  return (
    <Sonner
      theme="dark"
      position="bottom-right"
      toastOptions={{ classNames: { toast: "!bg-popover !border-border !text-popover-foreground", description: "!text-muted-foreground" } }}
    />
  );
}
