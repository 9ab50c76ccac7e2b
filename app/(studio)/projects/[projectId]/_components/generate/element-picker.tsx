"use client";

import { useEffect, useId, useState } from "react";
import Link from "next/link";
import { Loader2 } from "lucide-react";
import type { ElementDto } from "@/lib/elements/element-dto";
import { cn } from "@/app/_components/cn";
import type { InputImageCount } from "./input-image-count";

/**
 * The team's elements for a generation whose provider takes them (studioOffersElements), numbered in the order picked as the prompt names them
 * (@element1…). `limit` is what is left: the provider's element cap and, in multi-reference, the 10 inputs shared with reference images.
 * The chosen ids ride in the form as `elementId` fields, in that order. Where the provider takes elements as images
 * (`images`, shared with the references), the form hands in that count: shown as "8 of 10 images", and its problem
 * when over. `onLoaded` gives the form the elements' views to count.
 */
export function ElementPicker(props: {
  teamId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  limit: number;
  error?: string;
  images?: InputImageCount | null;
  onLoaded?: (elements: ElementDto[]) => void;
}) {
  const id = useId();
  const [elements, setElements] = useState<ElementDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const { onLoaded } = props;
  useEffect(() => {
    if (elements) onLoaded?.(elements);
  }, [elements, onLoaded]);
  useEffect(() => {
    let cancelled = false;
    fetch(`/api/v1/teams/${encodeURIComponent(props.teamId)}/elements`)
      .then((r) => (r.ok ? (r.json() as Promise<{ data: ElementDto[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((json) => !cancelled && setElements(json.data))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [props.teamId]);

  const toggle = (elementId: string, on: boolean) =>
    props.onChange(on ? [...props.value.filter((v) => v !== elementId), elementId] : props.value.filter((v) => v !== elementId));
  const full = props.value.length >= props.limit;
  const error = props.images?.problem ?? props.error;

  return (
    <fieldset className="grid min-w-0 gap-1.5" aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}>
      <legend className="mb-1.5 text-sm font-medium">Elements</legend>
      {failed ? <p role="alert" className="text-xs text-destructive">Elements could not be loaded. Reload to try again.</p> : !elements ? (
        <p className="flex items-center gap-2 text-xs text-muted-foreground"><Loader2 aria-hidden className="size-3.5 animate-spin" /> Loading elements…</p>
      ) : elements.length === 0 ? (
        <p className="text-xs text-muted-foreground">No elements yet. <Link href="/elements" className="underline underline-offset-2">Create one</Link> to keep a character or product consistent.</p>
      ) : (
        <ul className="grid max-h-56 gap-1 overflow-y-auto" aria-label="Elements">
          {elements.map((e) => {
            const position = props.value.indexOf(e.id);
            const checked = position >= 0;
            return (
              <li key={e.id}>
                <label className={cn("flex min-w-0 cursor-pointer items-center gap-2 rounded-md border border-border p-1.5 text-sm",
                  checked ? "border-primary bg-primary/10" : "hover:border-primary/60", !checked && full && "cursor-not-allowed opacity-60")}>
                  <input type="checkbox" className="size-4 shrink-0 accent-primary" checked={checked} disabled={!checked && full}
                    onChange={(event) => toggle(e.id, event.target.checked)} />
                  <img src={e.current.frontalImageUrl} alt="" className="size-9 shrink-0 rounded object-cover" />
                  <span className="min-w-0 flex-1 truncate">{e.name}</span>
                  {checked ? <span className="shrink-0 rounded bg-primary px-1.5 text-[11px] font-medium text-primary-foreground">@element{position + 1}</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <p id={`${id}-hint`} className="text-[11px] text-muted-foreground">
        Name them in the prompt as @element1, @element2… in the order picked. {full && elements?.length ? "No room for more: remove an element or a reference image." : ""}
        {props.images ? (
          <span className={cn("block tabular-nums", props.images.problem && "font-medium text-destructive")} data-testid="input-image-count">
            {props.images.count} of {props.images.max} images (references plus each element&apos;s frontal and views)
          </span>
        ) : null}
      </p>
      {error ? <p id={`${id}-error`} className="text-xs text-destructive">{error}</p> : null}
      {props.value.map((v) => <input key={v} type="hidden" name="elementId" value={v} />)}
    </fieldset>
  );
}
