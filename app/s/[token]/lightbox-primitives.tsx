"use client";

import { Dialog as DialogPrimitive } from "radix-ui";

// The lightbox fills the screen, unlike the studio's centred dialog card: Radix's own parts, unstyled.
export const DialogContent = DialogPrimitive.Content;
export const DialogPortal = DialogPrimitive.Portal;
export const DialogOverlay = DialogPrimitive.Overlay;
