"use client";

import { useId, useState } from "react";
import Link from "next/link";
import { BadgeCheck, ChevronDown, Columns2, Download, RotateCcw, Share2, Star, Tag, Trash2, X } from "lucide-react";
import type { GalleryAssetDto } from "@/lib/assets/gallery-asset-dto";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/app/_components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/app/_components/ui/alert-dialog";
import type { useAssetActions } from "./use-asset-actions";
import { ShareDialog } from "../_components/share/share-dialog";
import { CollectionMenu } from "./collection-menu";

type Actions = ReturnType<typeof useAssetActions>;

/** Streams the ZIP straight to disk: a plain form POST lets the browser download it as it is built. */
function downloadZip(projectId: string, ids: string[]) {
  const form = document.createElement("form");
  form.method = "post";
  form.action = `/api/v1/projects/${projectId}/assets/zip`;
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = "assetIds";
  input.value = ids.join(",");
  form.append(input);
  document.body.append(form);
  form.submit();
  form.remove();
}

export function BulkBar(props: {
  projectId: string;
  ids: string[];
  canEdit: boolean;
  trash: boolean;
  actions: Actions;
  onClear: () => void;
  selectedAssets: GalleryAssetDto[];
}) {
  const { projectId, ids, canEdit, trash, actions, onClear } = props;
  const [tagOpen, setTagOpen] = useState(false);
  const [purgeOpen, setPurgeOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<boolean>, clear = true) => {
    setBusy(true);
    const ok = await work();
    setBusy(false);
    if (ok && clear) onClear();
  };
  const allFavourite = props.selectedAssets.length > 0 && props.selectedAssets.every((a) => a.favourite);
  if (ids.length === 0) return null;
  return (
    <div role="region" aria-label="Selection" className="fixed inset-x-2 bottom-3 z-30 mx-auto flex max-w-fit flex-wrap items-center justify-center gap-1 rounded-xl border border-border bg-card/95 p-1.5 shadow-2xl backdrop-blur sm:inset-x-4">
      <span className="px-2 text-[13px] font-medium tabular-nums" aria-live="polite">{ids.length} selected</span>
      {trash ? (
        canEdit ? (
          <>
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(() => actions.leaveTrash(ids, "restore"))}><RotateCcw aria-hidden /> Restore</Button>
            <Button size="sm" variant="destructive" disabled={busy} onClick={() => setPurgeOpen(true)}><Trash2 aria-hidden /> Delete permanently</Button>
          </>
        ) : null
      ) : (
        <>
          {canEdit ? (
            <>
              <Button size="sm" variant="ghost" disabled={busy}
                onClick={() => run(() => actions.setFavourite(ids, !allFavourite, allFavourite ? `Removed ${ids.length} from favourites.` : `${ids.length} added to favourites.`), false)}>
                <Star aria-hidden /> {allFavourite ? "Unfavourite" : "Favourite"}
              </Button>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => setTagOpen(true)}><Tag aria-hidden /> Tag</Button>
              <CollectionMenu projectId={projectId} ids={ids} disabled={busy} />
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button size="sm" variant="ghost" disabled={busy}><BadgeCheck aria-hidden /> Approval <ChevronDown aria-hidden /></Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="center">
                  <DropdownMenuItem onSelect={() => run(() => actions.setApproval(ids, "approved"), false)}>Approve</DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => run(() => actions.setApproval(ids, "rejected"), false)}>Reject</DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => run(() => actions.setApproval(ids, "pending"), false)}>Mark pending</DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => run(() => actions.setApproval(ids, "none"), false)}>Clear review</DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            </>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => downloadZip(projectId, ids)}><Download aria-hidden /> ZIP</Button>
          {canEdit ? <Button size="sm" variant="ghost" onClick={() => setShareOpen(true)}><Share2 aria-hidden /> Share</Button> : null}
          {ids.length >= 2 && ids.length <= 4 ? (
            <Button size="sm" variant="ghost" asChild><Link href={`/projects/${projectId}/compare?ids=${ids.join(",")}`}><Columns2 aria-hidden /> Compare</Link></Button>
          ) : null}
          {canEdit ? (
            <Button size="sm" variant="ghost" className="text-destructive hover:text-destructive" disabled={busy} onClick={() => run(() => actions.trash(ids))}>
              <Trash2 aria-hidden /> Delete
            </Button>
          ) : null}
        </>
      )}
      <Button size="icon-sm" variant="ghost" onClick={onClear} aria-label="Clear selection" title="Clear selection (Esc)"><X aria-hidden /></Button>
      {shareOpen ? (
        <ShareDialog projectId={projectId} assetIds={ids} defaultName={`${ids.length === 1 ? "1 image" : `${ids.length} images`} for review`}
          open={shareOpen} onOpenChange={setShareOpen} />
      ) : null}
      <TagDialog open={tagOpen} onOpenChange={setTagOpen} count={ids.length} onSubmit={(tag) => run(() => actions.addTag(ids, tag), false)} />
      <AlertDialog open={purgeOpen} onOpenChange={setPurgeOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete {ids.length === 1 ? "this image" : `${ids.length} images`} permanently?</AlertDialogTitle>
            <AlertDialogDescription>The files are removed from storage. This cannot be undone.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Keep</AlertDialogCancel>
            <AlertDialogAction destructive onClick={() => run(() => actions.leaveTrash(ids, "purge"))}>Delete permanently</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

function TagDialog({ open, onOpenChange, count, onSubmit }: { open: boolean; onOpenChange: (v: boolean) => void; count: number; onSubmit: (tag: string) => void }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const tag = value.trim();
            if (!tag) return setError("Type a tag name.");
            if (tag.length > 64) return setError("Tags are at most 64 characters.");
            onSubmit(tag);
            setValue("");
            setError(null);
            onOpenChange(false);
          }}
        >
          <DialogHeader>
            <DialogTitle>Tag {count === 1 ? "1 image" : `${count} images`}</DialogTitle>
            <DialogDescription>Tags are shared by the team; filter the gallery by one later.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={id}>Tag name</Label>
            <Input id={id} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined} autoFocus />
            {error ? <p id={`${id}-error`} className="text-[13px] text-destructive">{error}</p> : null}
          </div>
          <DialogFooter>
            <Button type="submit">Add tag</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
