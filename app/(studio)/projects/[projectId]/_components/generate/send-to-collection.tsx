"use client";

import { useEffect, useId, useState } from "react";
import type { CollectionDto } from "@/lib/collections/collection-schemas";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";

/**
 * "Send outputs to collection": a hand-picked collection of this project that every image of the generation joins
 * as it arrives (stored on the generation, applied by the worker when it records each asset). Smart collections fill
 * themselves from their query, so they aren't offered.
 */
export function SendToCollection(props: { projectId: string; value: string; onChange: (id: string) => void; error?: string }) {
  const id = useId();
  const [collections, setCollections] = useState<CollectionDto[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/v1/projects/${encodeURIComponent(props.projectId)}/collections`)
      .then((r) => (r.ok ? (r.json() as Promise<{ data: CollectionDto[] }>) : { data: [] }))
      .then((json) => !cancelled && setCollections(json.data.filter((c) => !c.smart)))
      .catch(() => !cancelled && setCollections([]));
    return () => {
      cancelled = true;
    };
  }, [props.projectId]);
  const { onChange, value } = props;
  // A collection deleted elsewhere drops out of the choice instead of being sent and refused.
  useEffect(() => {
    if (collections && value && !collections.some((c) => c.id === value)) onChange("");
  }, [collections, value, onChange]);

  if (!collections || collections.length === 0) return null;
  const name = (c: CollectionDto) => {
    const parent = c.parentId ? collections.find((p) => p.id === c.parentId) : undefined;
    return parent ? `${parent.name} / ${c.name}` : c.name;
  };
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <Label htmlFor={`${id}-collection`}>Send outputs to collection</Label>
      <NativeSelect id={`${id}-collection`} name="collectionId" value={props.value} onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        <option value="">None</option>
        {collections.map((c) => <option key={c.id} value={c.id}>{name(c)}</option>)}
      </NativeSelect>
      {props.error ? <p id={`${id}-error`} className="text-xs text-destructive">{props.error}</p> : null}
    </div>
  );
}
