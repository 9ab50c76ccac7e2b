"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Check, Copy, Download, Dices, ImagePlus, Layers, Pencil, RotateCcw, Star, Tag, ThumbsDown, ThumbsUp, Trash2, X } from "lucide-react";
import type { AssetDetail } from "./load-asset-detail";
import { callApi } from "./call-api";
import { dispatchGenerationSubmitted } from "../generate/submitted-event";
import type { GenerationDto } from "@/lib/generations/generation-dto";
import { USE_REFERENCE_EVENT } from "../../reference-picker";
import { useHydrated } from "./use-hydrated";
import { RerunElements, type ElementVersionChoice } from "./rerun-elements";
import { AssetCollections } from "./asset-collections";
import { useAnnounce } from "@/app/_components/live-region";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { cn } from "@/app/_components/cn";

const SIZES = [
  { value: "", label: "Full size" },
  { value: "4096", label: "4096 px" },
  { value: "2048", label: "2048 px" },
  { value: "1024", label: "1024 px" },
  { value: "512", label: "512 px" },
];

/**
 * What can be done to one image. Each change goes to the REST API (session cookie, same-origin) and the detail it
 * answers replaces ours, so the panel always shows what the server holds. Generating actions announce the new
 * generation to the gallery's queue with the "studio:generation-submitted" event the moment the API accepts it.
 */
export function AssetActions(props: {
  detail: AssetDetail;
  onChange: (detail: AssetDetail) => void;
  canEdit: boolean;
  canGenerate: boolean;
  inModal: boolean;
  afterDelete: () => void;
}) {
  const { detail } = props;
  const router = useRouter();
  const announce = useAnnounce();
  const [pendingWork, startBusy] = useTransition();
  const hydrated = useHydrated();
  const busy = pendingWork || !hydrated;
  const [format, setFormat] = useState("");
  const [size, setSize] = useState("");
  const [tag, setTag] = useState("");
  const [elementVersions, setElementVersions] = useState<ElementVersionChoice>("recorded");
  const base = `/api/v1/assets/${detail.id}`;
  const prompt = detail.generation?.prompt ?? detail.recipe.prompt ?? "";

  const run = (work: () => Promise<void>) =>
    startBusy(async () => {
      try {
        await work();
      } catch (error) {
        toast.error(error instanceof Error ? error.message : "That didn't work.");
      }
    });

  const patch = (body: Record<string, unknown>) => run(async () => props.onChange(await callApi<AssetDetail>(base, { method: "PATCH", body })));

  const rerun = (kind: "rerun" | "remix" | "variations") =>
    run(async () => {
      const generationId = detail.generation?.id;
      if (!generationId) return;
      // "Same seed" means this image's seed: a run without a pinned seed drew one per image, and pinning the
      // request's (none) would draw new ones. Where the provider reported it, this image is made again, once.
      const seed = detail.generation?.outputSeed ?? null;
      const body = {
        ...(kind === "rerun"
          ? { pinSeed: true, ...(seed !== null ? { parameters: { seed, num_images: 1 } } : {}) }
          : kind === "remix" ? { pinSeed: false } : { pinSeed: false, parameters: { num_images: 4 } }),
        elementVersions,
      };
      const created = await callApi<GenerationDto>(`/api/v1/generations/${generationId}/rerun`, { method: "POST", body });
      dispatchGenerationSubmitted({ clientId: created.id, state: "queued", generation: created });
      const what = kind === "rerun" ? "Re-run (same seed)" : kind === "remix" ? "Remix (new seed)" : "Four variations";
      toast.success(`${what} queued.`);
      announce(`${what} queued.`);
    });

  const toGenerator = (param: "ref" | "edit") => {
    if (props.inModal && param === "ref") {
      // The generate panel is right under the modal: hand it the image and go back to the gallery.
      window.dispatchEvent(new CustomEvent(USE_REFERENCE_EVENT, { detail: { assetId: detail.id, thumbUrl: detail.urls.routes.thumbSmall } }));
      toast.success("Added as a reference.");
      router.back();
      return;
    }
    router.push(`/projects/${detail.projectId}?${param}=${encodeURIComponent(detail.id)}`);
  };

  const downloadHref = (() => {
    const q = new URLSearchParams();
    if (format) q.set("format", format);
    if (size) q.set("size", size);
    const s = q.toString();
    return `${base}/download${s ? `?${s}` : ""}`;
  })();

  return (
    <section aria-label="Actions" className="grid gap-4 rounded-xl border border-border bg-card p-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button type="button" variant={detail.favourite ? "default" : "secondary"} size="sm" aria-pressed={detail.favourite} disabled={!props.canEdit || busy}
          onClick={() => patch({ favourite: !detail.favourite })}>
          <Star aria-hidden className={detail.favourite ? "fill-current" : ""} /> {detail.favourite ? "Favourite" : "Add to favourites"}
        </Button>
        <div role="group" aria-label="Rating" className="flex items-center">
          {[1, 2, 3, 4, 5].map((n) => {
            const on = (detail.rating ?? 0) >= n;
            return (
              <button key={n} type="button" aria-label={`Rate ${n} star${n > 1 ? "s" : ""}`} aria-pressed={detail.rating === n}
                disabled={!props.canEdit || busy}
                className="rounded p-1 text-muted-foreground hover:text-warning focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-60"
                onClick={() => patch({ rating: detail.rating === n ? 0 : n })}>
                <Star aria-hidden className={cn("size-5", on ? "fill-warning text-warning" : "")} />
              </button>
            );
          })}
        </div>
      </div>

      {props.canEdit ? (
        <div role="group" aria-label="Approval" className="grid grid-cols-2 gap-2">
          <Button type="button" size="sm" variant={detail.approvalStatus === "approved" ? "default" : "secondary"} aria-pressed={detail.approvalStatus === "approved"}
            disabled={busy} onClick={() => patch({ approvalStatus: detail.approvalStatus === "approved" ? "none" : "approved" })}>
            <ThumbsUp aria-hidden /> {detail.approvalStatus === "approved" ? "Approved" : "Approve"}
          </Button>
          <Button type="button" size="sm" variant={detail.approvalStatus === "rejected" ? "destructive" : "secondary"} aria-pressed={detail.approvalStatus === "rejected"}
            disabled={busy} onClick={() => patch({ approvalStatus: detail.approvalStatus === "rejected" ? "none" : "rejected" })}>
            <ThumbsDown aria-hidden /> {detail.approvalStatus === "rejected" ? "Rejected" : "Reject"}
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">Approval: {detail.approvalStatus}</p>
      )}

      {props.canGenerate ? (
        <div className="grid grid-cols-2 gap-2">
          <Button type="button" size="sm" disabled={busy || !detail.generation} onClick={() => rerun("rerun")}><RotateCcw aria-hidden /> Re-run</Button>
          <Button type="button" size="sm" variant="secondary" disabled={busy || !detail.generation} onClick={() => rerun("remix")}><Dices aria-hidden /> Remix</Button>
          <Button type="button" size="sm" variant="secondary" disabled={busy || !detail.generation} onClick={() => rerun("variations")}><Layers aria-hidden /> Variations</Button>
          <Button type="button" size="sm" variant="secondary" disabled={busy} onClick={() => toGenerator("edit")}><Pencil aria-hidden /> Edit</Button>
          <Button type="button" size="sm" variant="secondary" className="col-span-2" disabled={busy} onClick={() => toGenerator("ref")}><ImagePlus aria-hidden /> Use as reference</Button>
          <RerunElements detail={detail} value={elementVersions} onChange={setElementVersions} disabled={busy} />
        </div>
      ) : null}

      <div className="grid gap-2">
        <div className="grid grid-cols-2 gap-2">
          <div className="grid gap-1">
            <Label htmlFor="download-format" className="text-xs">Format</Label>
            <NativeSelect id="download-format" value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="">Original ({detail.format.toUpperCase()})</option>
              <option value="png">PNG</option>
              <option value="jpeg">JPEG</option>
              <option value="webp">WebP</option>
            </NativeSelect>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="download-size" className="text-xs">Size</Label>
            <NativeSelect id="download-size" value={size} onChange={(e) => setSize(e.target.value)}>
              {SIZES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
            </NativeSelect>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <Button asChild size="sm" variant="secondary"><a href={downloadHref} download><Download aria-hidden /> Download</a></Button>
          <Button type="button" size="sm" variant="secondary" disabled={!prompt || busy}
            onClick={() => run(async () => {
              await navigator.clipboard.writeText(prompt);
              toast.success("Prompt copied.");
            })}>
            <Copy aria-hidden /> Copy prompt
          </Button>
        </div>
      </div>

      <div className="grid gap-2">
        <span className="flex items-center gap-1.5 text-[13px] font-medium text-muted-foreground"><Tag aria-hidden className="size-3.5" /> Tags</span>
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {detail.tags.length === 0 ? <li className="text-xs text-muted-foreground">No tags yet.</li> : null}
          {detail.tags.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded-full border border-border bg-secondary py-0.5 pr-1 pl-2.5 text-xs">
              {t}
              {props.canEdit ? (
                <button type="button" aria-label={`Remove tag ${t}`} className="rounded-full p-0.5 text-muted-foreground hover:text-destructive" disabled={busy}
                  onClick={() => run(async () => {
                    const { tags } = await callApi<{ tags: string[] }>(`${base}/tags`, { method: "POST", body: { remove: [t] } });
                    props.onChange({ ...detail, tags });
                  })}>
                  <X aria-hidden className="size-3" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {props.canEdit ? (
          <form className="flex gap-2" onSubmit={(e) => {
            e.preventDefault();
            const name = tag.trim();
            if (!name) return;
            run(async () => {
              const { tags } = await callApi<{ tags: string[] }>(`${base}/tags`, { method: "POST", body: { add: [name] } });
              props.onChange({ ...detail, tags });
              setTag("");
            });
          }}>
            <Label htmlFor="new-tag" className="sr-only">New tag</Label>
            <Input id="new-tag" value={tag} maxLength={64} onChange={(e) => setTag(e.target.value)} placeholder="Add a tag" className="h-8" />
            <Button type="submit" size="sm" variant="secondary" disabled={busy || !tag.trim()}><Check aria-hidden /> Add</Button>
          </form>
        ) : null}
      </div>

      <AssetCollections projectId={detail.projectId} assetId={detail.id} collectionIds={detail.collectionIds} canEdit={props.canEdit} />

      {props.canEdit ? (
        <Button type="button" size="sm" variant="destructive" disabled={busy}
          onClick={() => run(async () => {
            await callApi(base, { method: "DELETE" });
            announce("Moved to trash.");
            toast("Moved to trash.", {
              action: {
                label: "Undo",
                onClick: () => void callApi(`${base}/restore`, { method: "POST" }).then(() => toast.success("Restored."), (e: Error) => toast.error(e.message)),
              },
            });
            props.afterDelete();
          })}>
          <Trash2 aria-hidden /> Move to trash
        </Button>
      ) : null}
    </section>
  );
}
