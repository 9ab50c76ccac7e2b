"use client";

import { useState, type ReactElement } from "react";
import { toast } from "sonner";
import { ChevronDown, FolderPlus, Loader2 } from "lucide-react";
import type { CollectionDto } from "@/lib/collections/collection-schemas";
import { Button } from "@/app/_components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";
import { useAnnounce } from "@/app/_components/live-region";

/** The project's hand-picked collections (smart ones fill themselves from their query), "Parent / Child" named. */
export async function loadHandPicked(projectId: string): Promise<(CollectionDto & { label: string })[]> {
  const res = await fetch(`/api/v1/projects/${encodeURIComponent(projectId)}/collections`);
  if (!res.ok) throw new Error("Collections could not be loaded.");
  const { data } = (await res.json()) as { data: CollectionDto[] };
  return data.filter((c) => !c.smart).map((c) => {
    const parent = c.parentId ? data.find((p) => p.id === c.parentId) : undefined;
    return { ...c, label: parent ? `${parent.name} / ${c.name}` : c.name };
  });
}

/** Adds assets to or removes them from a hand-picked collection; the server's message on a refusal. */
export async function changeCollection(collectionId: string, change: { add?: string[]; remove?: string[] }) {
  const res = await fetch(`/api/v1/collections/${encodeURIComponent(collectionId)}/assets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ add: change.add ?? [], remove: change.remove ?? [] }),
  });
  const json = (await res.json().catch(() => null)) as { assetCount?: number; error?: { message?: string } } | null;
  if (!res.ok) throw new Error(json?.error?.message ?? "The collection could not be changed.");
  return json?.assetCount ?? 0;
}

/**
 * The "Add to collection" menu: add the selection (the bulk bar) or one image (a tile's hover actions, which pass
 * their own icon button as `trigger`) to a hand-picked collection, or take it out of one.
 */
export function CollectionMenu(props: { projectId: string; ids: string[]; disabled?: boolean; trigger?: ReactElement }) {
  const [collections, setCollections] = useState<Awaited<ReturnType<typeof loadHandPicked>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();
  const n = props.ids.length;
  const images = n === 1 ? "1 image" : `${n} images`;
  const change = async (c: { id: string; label: string }, kind: "add" | "remove") => {
    try {
      const count = await changeCollection(c.id, { [kind]: props.ids });
      const message = kind === "add" ? `Added ${images} to ${c.label} (${count} in it).` : `Removed ${images} from ${c.label}.`;
      toast.success(message);
      announce(message);
    } catch (cause) {
      toast.error(cause instanceof Error ? cause.message : "The collection could not be changed.");
    }
  };
  return (
    <DropdownMenu onOpenChange={(open) => {
      if (!open || collections) return;
      setError(null);
      loadHandPicked(props.projectId).then(setCollections, (cause: unknown) => setError(cause instanceof Error ? cause.message : "Collections could not be loaded."));
    }}>
      <DropdownMenuTrigger asChild>
        {props.trigger ?? <Button size="sm" variant="ghost" disabled={props.disabled}><FolderPlus aria-hidden /> Add to collection <ChevronDown aria-hidden /></Button>}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={props.trigger ? "end" : "center"} className="max-h-80 overflow-y-auto">
        {error ? <DropdownMenuLabel className="text-destructive">{error}</DropdownMenuLabel> : !collections ? (
          <DropdownMenuLabel className="flex items-center gap-2"><Loader2 aria-hidden className="size-3.5 animate-spin" /> Loading…</DropdownMenuLabel>
        ) : collections.length === 0 ? (
          <DropdownMenuLabel>No hand-picked collections yet. Create one under Collections.</DropdownMenuLabel>
        ) : (
          <>
            <DropdownMenuLabel>Add {images} to</DropdownMenuLabel>
            {collections.map((c) => <DropdownMenuItem key={c.id} onSelect={() => void change(c, "add")}>{c.label}</DropdownMenuItem>)}
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Remove {images} from</DropdownMenuLabel>
            {collections.map((c) => <DropdownMenuItem key={`rm-${c.id}`} onSelect={() => void change(c, "remove")}>{c.label}</DropdownMenuItem>)}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
