"use client";

import { useEffect, useRef, useState } from "react";
import { ImagePlus, Loader2, X } from "lucide-react";
import { cn } from "@/app/_components/cn";

export type PickedReference = { assetId: string; thumbUrl: string | null };

// Gallery tiles and the image detail announce "use this image as a reference" with a DOM event, so the gallery needs
// no shared client state with the panel.
export const USE_REFERENCE_EVENT = "studio:use-reference";

// The providers take PNG and JPEG references only (lib/kling/input-image.ts); the server checks again.
export const UPLOAD_TYPES = ["image/png", "image/jpeg"];

/**
 * The reference images of an edit or multi-reference generation: picked from the gallery ("Use as reference") or
 * dropped / chosen from disk and uploaded straight to storage (`upload`, see generate-form.tsx). Thumbnails are big
 * enough to tell images apart, numbered as the prompt names them (@image1…). The mode's limit is enforced as images
 * are added: a full picker refuses more and says why.
 */
export function ReferencePicker(props: {
  references: PickedReference[];
  onChange: (refs: PickedReference[]) => void;
  limit: number;
  error?: string;
  upload?: (file: File) => Promise<PickedReference>;
}) {
  const { references, onChange, limit } = props;
  const [over, setOver] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(references);
  latest.current = references;
  const full = references.length >= limit;

  const add = (picked: PickedReference) => {
    const current = latest.current;
    if (current.some((r) => r.assetId === picked.assetId)) return;
    if (current.length >= limit) {
      setNotice(`This mode takes at most ${limit} reference image${limit === 1 ? "" : "s"}; remove one first.`);
      return;
    }
    setNotice(null);
    latest.current = [...current, picked];
    onChange(latest.current);
  };

  useEffect(() => {
    const handler = (event: Event) => add((event as CustomEvent<PickedReference>).detail);
    window.addEventListener(USE_REFERENCE_EVENT, handler);
    return () => window.removeEventListener(USE_REFERENCE_EVENT, handler);
  });

  const uploadFiles = async (files: File[]) => {
    if (!props.upload) return;
    const room = limit - latest.current.length;
    if (room <= 0) {
      setNotice(`This mode takes at most ${limit} reference image${limit === 1 ? "" : "s"}; remove one first.`);
      return;
    }
    const accepted = files.slice(0, room);
    if (files.length > room) setNotice(`Only ${room} more fit${room === 1 ? "s" : ""}; the rest were left out.`);
    else setNotice(null);
    for (const file of accepted) {
      if (!UPLOAD_TYPES.includes(file.type)) {
        setNotice(`${file.name} is not a PNG or JPEG image.`);
        continue;
      }
      setUploading((n) => n + 1);
      try {
        add(await props.upload(file));
      } catch (error) {
        setNotice(error instanceof Error ? error.message : "The upload failed.");
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const message = props.error ?? notice;
  return (
    <fieldset className="grid gap-1.5" aria-describedby={message ? "references-error" : undefined}>
      <legend className="mb-1.5 flex w-full items-center justify-between text-[13px] font-medium text-muted-foreground">
        Reference images <span className="tabular-nums">{references.length} / {limit}</span>
      </legend>
      <div
        className={cn("grid gap-2 rounded-md border border-dashed p-2 transition-colors", over ? "border-primary bg-primary/5" : "border-input")}
        onDragOver={(e) => {
          if (!props.upload || !e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          if (!props.upload) return;
          e.preventDefault();
          setOver(false);
          void uploadFiles([...e.dataTransfer.files]);
        }}>
        {references.length > 0 ? (
          <ul className="grid grid-cols-3 gap-2">
            {references.map((r, i) => (
              <li key={r.assetId} className="group relative overflow-hidden rounded-md border border-border bg-secondary">
                {r.thumbUrl ? <img src={r.thumbUrl} alt={`Reference @image${i + 1}`} className="aspect-square w-full object-cover" /> : <div className="aspect-square" />}
                <span className="absolute bottom-1 left-1 rounded bg-background/85 px-1 text-[11px] font-medium">@image{i + 1}</span>
                <button type="button" aria-label={`Remove reference @image${i + 1}`}
                  className="absolute top-1 right-1 rounded-full bg-background/85 p-1 text-muted-foreground hover:text-destructive focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  onClick={() => {
                    setNotice(null);
                    onChange(references.filter((x) => x.assetId !== r.assetId));
                  }}>
                  <X aria-hidden className="size-3.5" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2 px-1">
          <span className="text-xs text-muted-foreground">
            {full ? "Limit reached." : props.upload ? "Drop images here, or use “Use as reference” on a gallery image." : "Choose “Use as reference” on a gallery image."}
          </span>
          {props.upload ? (
            <>
              <input ref={input} type="file" accept={UPLOAD_TYPES.join(",")} multiple className="sr-only" tabIndex={-1} aria-hidden
                onChange={(e) => {
                  void uploadFiles([...(e.target.files ?? [])]);
                  e.target.value = "";
                }} data-testid="reference-file" />
              <button type="button" disabled={full || uploading > 0} onClick={() => input.current?.click()}
                className="inline-flex items-center gap-1 rounded-md border border-border bg-secondary px-2 py-1 text-xs hover:bg-accent disabled:opacity-50">
                {uploading > 0 ? <Loader2 aria-hidden className="size-3.5 animate-spin" /> : <ImagePlus aria-hidden className="size-3.5" />}
                {uploading > 0 ? "Uploading…" : "Upload"}
              </button>
            </>
          ) : null}
        </div>
      </div>
      {message ? <p id="references-error" role={notice && !props.error ? "status" : undefined} className="text-xs text-destructive">{message}</p> : null}
    </fieldset>
  );
}
