"use client";

import { useEffect } from "react";
import { X } from "lucide-react";

export type PickedReference = { assetId: string; thumbUrl: string | null };

// Gallery tiles announce "use this image as a reference" with a DOM event, so the server-rendered gallery needs no
// client state of its own.
export const USE_REFERENCE_EVENT = "studio:use-reference";

export function ReferencePicker(props: { references: PickedReference[]; onChange: (refs: PickedReference[]) => void; error?: string }) {
  const { references, onChange } = props;
  useEffect(() => {
    const handler = (event: Event) => {
      const picked = (event as CustomEvent<PickedReference>).detail;
      if (references.some((r) => r.assetId === picked.assetId) || references.length >= 10) return;
      onChange([...references, picked]);
    };
    window.addEventListener(USE_REFERENCE_EVENT, handler);
    return () => window.removeEventListener(USE_REFERENCE_EVENT, handler);
  }, [references, onChange]);
  return (
    <fieldset className="grid gap-1.5" aria-describedby={props.error ? "references-error" : undefined}>
      <legend className="mb-1.5 text-[13px] font-medium text-muted-foreground">Reference images</legend>
      <div className="flex min-h-12 flex-wrap items-center gap-2 rounded-md border border-dashed border-input p-2">
        {references.length === 0 ? <span className="text-xs text-muted-foreground">Choose “Use as reference” on an image.</span> : null}
        {references.map((r, i) => (
          <button key={r.assetId} type="button" aria-label={`Remove reference @image${i + 1}`}
            className="group relative flex items-center gap-1.5 rounded-md border border-border bg-secondary p-1 pr-2 text-xs hover:border-destructive/60"
            onClick={() => onChange(references.filter((x) => x.assetId !== r.assetId))}>
            {r.thumbUrl ? <img src={r.thumbUrl} alt="" className="size-10 rounded object-cover" /> : null}
            <span>@image{i + 1}</span>
            <X aria-hidden className="size-3.5 text-muted-foreground group-hover:text-destructive" />
          </button>
        ))}
      </div>
      {props.error ? <p id="references-error" className="text-xs text-destructive">{props.error}</p> : null}
    </fieldset>
  );
}
