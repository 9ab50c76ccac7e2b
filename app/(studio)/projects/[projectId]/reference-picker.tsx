"use client";

import { useEffect } from "react";

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
    <div className="field">
      <label>Reference images</label>
      <div className="reference-strip">
        {references.length === 0 ? <span className="muted">Choose “Use as reference” on an image below.</span> : null}
        {references.map((r, i) => (
          <button key={r.assetId} type="button" className="reference-chip" title="Remove" onClick={() => onChange(references.filter((x) => x.assetId !== r.assetId))}>
            {r.thumbUrl ? <img src={r.thumbUrl} alt={`Reference ${i + 1}`} /> : null}
            <span>@image{i + 1} ✕</span>
          </button>
        ))}
      </div>
      {props.error ? <span className="field-error">{props.error}</span> : null}
    </div>
  );
}
