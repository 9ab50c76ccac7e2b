"use client";

import { useId } from "react";
import type { AssetDetail } from "./load-asset-detail";

export type ElementVersionChoice = "recorded" | "latest";

/**
 * What Re-run, Remix and Variations do with the elements this image was made with: by default they send the versions
 * it recorded, so a re-run reproduces it; "Use each element's latest version" picks up later edits instead. Shown only
 * when the generation used elements.
 */
export function RerunElements(props: { detail: AssetDetail; value: ElementVersionChoice; onChange: (value: ElementVersionChoice) => void; disabled?: boolean }) {
  const id = useId();
  const elements = props.detail.generation?.elements ?? [];
  if (elements.length === 0) return null;
  const newer = elements.filter((e) => e.currentVersion > e.version);
  return (
    <div className="col-span-2 grid gap-1.5 rounded-md border border-border bg-background/50 p-2.5 text-xs">
      <p id={`${id}-what`}>
        Made with{" "}
        {elements.map((e, i) => (
          <span key={e.elementId}>
            {i > 0 ? ", " : ""}
            <strong className="font-medium">{e.name}</strong> v{e.version}
            {e.currentVersion > e.version ? <span className="text-muted-foreground"> (now v{e.currentVersion})</span> : null}
          </span>
        ))}
        . Re-runs use {props.value === "recorded" ? "these recorded versions" : "each element's latest version"}.
      </p>
      {newer.length > 0 ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4 accent-primary" checked={props.value === "latest"} disabled={props.disabled}
            aria-describedby={`${id}-what`} onChange={(e) => props.onChange(e.target.checked ? "latest" : "recorded")} />
          Use each element&apos;s latest version
        </label>
      ) : null}
    </div>
  );
}
