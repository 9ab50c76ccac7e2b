"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { Archive, ArchiveRestore, ImageIcon, Lock, MoreHorizontal, Pencil, Settings } from "lucide-react";
import type { ProjectOverview } from "@/lib/projects/list-project-overviews";
import { formatUsd } from "@/lib/spend/format-usd";
import { renameProjectAction, setProjectArchivedAction } from "@/app/(studio)/projects/actions";
import { ActionForm, Field, SubmitButton } from "@/app/_components/action-form";
import { cn } from "@/app/_components/cn";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/app/_components/ui/dialog";
import {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle,
} from "@/app/_components/ui/alert-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";

export function ProjectCard({ project, canManage }: { project: ProjectOverview; canManage: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [pending, start] = useTransition();
  const archived = project.archivedAt !== null;
  const setArchived = (value: boolean) => {
    const form = new FormData();
    form.set("projectId", project.id);
    form.set("archived", String(value));
    start(async () => {
      const result = await setProjectArchivedAction(null, form);
      if (result.ok) toast.success(result.message);
      else toast.error(result.error.message);
    });
  };
  const budget = project.monthlyBudgetMicros;
  const share = budget ? Math.min(1, project.monthSpendMicros / budget) : 0;
  return (
    <li className={cn("group relative flex flex-col overflow-hidden rounded-xl border border-border bg-card transition-colors hover:border-input", archived && "border-dashed [&_img]:grayscale")}>
      <Thumbnails thumbnails={project.thumbnails} />
      <div className="flex min-w-0 flex-1 flex-col gap-1 p-3.5">
        <div className="flex items-start gap-2">
          <h2 className="min-w-0 flex-1 truncate text-[15px] font-semibold">
            {/* The link covers the card; the menu sits above it. */}
            <Link href={`/projects/${project.id}`} className="rounded-sm after:absolute after:inset-0 after:content-['']">{project.name}</Link>
          </h2>
          {project.restricted ? <Lock role="img" aria-label="Restricted to named members" className="mt-1 size-3.5 shrink-0 text-muted-foreground" /> : null}
          {archived ? <Badge>Archived</Badge> : null}
        </div>
        <p className="line-clamp-1 text-[13px] text-muted-foreground">{project.description || "No description"}</p>
        <dl className="mt-2 flex items-center gap-4 text-[13px] text-muted-foreground">
          <div className="flex items-center gap-1.5">
            <dt className="sr-only">Spent this month</dt>
            <dd className="tabular-nums"><span className="text-foreground">{formatUsd(project.monthSpendMicros)}</span>{budget ? <> of {formatUsd(budget)}</> : null} this month</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="sr-only">Images</dt>
            <dd className="flex items-center gap-1 tabular-nums"><ImageIcon aria-hidden className="size-3.5" />{project.imageCount.toLocaleString("en")} {project.imageCount === 1 ? "image" : "images"}</dd>
          </div>
        </dl>
        {budget ? (
          <div aria-hidden className="mt-1.5 h-1 overflow-hidden rounded-full bg-secondary">
            <div className={cn("h-full rounded-full", share >= 1 ? "bg-destructive" : share >= 0.8 ? "bg-warning" : "bg-primary")} style={{ width: `${share * 100}%` }} />
          </div>
        ) : null}
      </div>
      {canManage ? (
        <div className="absolute top-2 right-2 z-10">
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="secondary" size="icon-sm" disabled={pending} aria-label={`Actions for ${project.name}`}
                className="bg-background/80 opacity-100 backdrop-blur md:opacity-0 md:group-focus-within:opacity-100 md:group-hover:opacity-100 md:data-[state=open]:opacity-100">
                <MoreHorizontal aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => setRenaming(true)}><Pencil aria-hidden /> Rename</DropdownMenuItem>
              <DropdownMenuItem asChild><Link href={`/projects/${project.id}/settings`}><Settings aria-hidden /> Settings</Link></DropdownMenuItem>
              <DropdownMenuSeparator />
              {archived ? (
                <DropdownMenuItem onSelect={() => setArchived(false)}><ArchiveRestore aria-hidden /> Restore</DropdownMenuItem>
              ) : (
                <DropdownMenuItem destructive onSelect={() => setArchiving(true)}><Archive aria-hidden /> Archive…</DropdownMenuItem>
              )}
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      ) : null}
      <Dialog open={renaming} onOpenChange={setRenaming}>
        <DialogContent>
          <DialogHeader><DialogTitle>Rename project</DialogTitle></DialogHeader>
          <ActionForm action={renameProjectAction} aria-label="Rename project" className="grid gap-4" showMessage={false}
            onSuccess={() => setRenaming(false)}>
            <input type="hidden" name="projectId" value={project.id} />
            <Field id={`rename-${project.id}`} name="name" label="Name">
              <Input id={`rename-${project.id}`} name="name" defaultValue={project.name} maxLength={120} autoFocus required />
            </Field>
            <DialogFooter><SubmitButton>Save</SubmitButton></DialogFooter>
          </ActionForm>
        </DialogContent>
      </Dialog>
      <AlertDialog open={archiving} onOpenChange={setArchiving}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Archive {project.name}?</AlertDialogTitle>
            <AlertDialogDescription>It leaves the project list. Its images, history and spend stay, and you can restore it at any time.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction destructive onClick={() => setArchived(true)}>Archive project</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </li>
  );
}

function Thumbnails({ thumbnails }: { thumbnails: ProjectOverview["thumbnails"] }) {
  if (thumbnails.length === 0) {
    return (
      <div className="flex aspect-[4/1.6] items-center justify-center border-b border-border bg-[radial-gradient(ellipse_at_top,_#1a1d24,_transparent_70%)] text-muted-foreground/60">
        <ImageIcon aria-hidden className="size-5" />
      </div>
    );
  }
  return (
    // As many columns as there are images, so a new project's first result fills the strip instead of a quarter of it.
    <div aria-hidden className="grid aspect-[4/1.6] gap-px overflow-hidden border-b border-border bg-border" style={{ gridTemplateColumns: `repeat(${thumbnails.length}, minmax(0, 1fr))` }}>
      {thumbnails.map((t) => <img key={t.id} src={t.url} alt="" loading="lazy" decoding="async" className="size-full bg-secondary object-cover" />)}
    </div>
  );
}
