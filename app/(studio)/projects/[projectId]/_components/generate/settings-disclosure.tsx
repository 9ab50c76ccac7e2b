"use client";

import { useId, useState, type ReactNode } from "react";
import { ChevronDown, SlidersHorizontal } from "lucide-react";
import { cn } from "@/app/_components/cn";

/**
 * Below the desktop layout the generate panel sits above the gallery, so its every setting would push the images a
 * whole screen down (at 390 px, two screens). There the settings fold behind one button that reads them back in a
 * line ("16:9 · 1K · 4 images · Kling V3 · Kling", plus the format, a locked seed and a negative prompt when set), as Midjourney's and Krea's phone composers do: the prompt and the
 * Generate button stay in reach and the gallery starts under them. On a wide screen the panel is a sidebar and
 * everything shows. Folded settings are hidden with CSS only, so they stay in the form and are submitted; a server
 * message about one of them unfolds them so it is read beside its field.
 */
export function SettingsDisclosure(props: { summary: string; forceOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || !!props.forceOpen;
  return (
    <>
      <button type="button" aria-expanded={shown} aria-controls={id} onClick={() => setOpen(!shown)}
        className="flex min-w-0 items-center gap-2 rounded-md border border-border bg-background/60 px-3 py-2 text-left text-[13px] outline-none focus-visible:ring-2 focus-visible:ring-ring lg:hidden">
        <SlidersHorizontal aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <span className="min-w-0 flex-1">
          <span className="font-medium">Settings</span>
          {/* Wrapped, never cut: at 390 px a restored draft's line was truncated before the provider and the format,
              so the settings the draft brought back couldn't be read without unfolding them (two lines weren't enough
              either once a format and a negative prompt are set). */}
          <span className="block text-muted-foreground" data-testid="settings-summary">{props.summary}</span>
        </span>
        <ChevronDown aria-hidden className={cn("size-4 shrink-0 text-muted-foreground transition-transform", shown && "rotate-180")} />
      </button>
      <div id={id} className={cn("gap-4", shown ? "grid" : "hidden lg:grid")}>{props.children}</div>
    </>
  );
}
