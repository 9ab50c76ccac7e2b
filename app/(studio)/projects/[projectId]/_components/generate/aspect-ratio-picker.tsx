"use client";

import { cn } from "@/app/_components/cn";

// Each ratio drawn as its own shape (a 16:9 is wide, a 9:16 tall) so the choice is seen, not read. Native radios
// underneath: arrow keys move between them and the form's data carries the value.
export function AspectRatioPicker(props: { ratios: readonly string[]; value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <fieldset className="grid gap-1.5" aria-describedby={props.error ? "aspect_ratio-error" : undefined}>
      <legend className="mb-1.5 text-[13px] font-medium text-muted-foreground">Aspect ratio</legend>
      <div className="grid grid-cols-5 gap-1.5">
        {props.ratios.map((ratio) => {
          const [w, h] = ratio === "auto" ? [1, 1] : ratio.split(":").map(Number) as [number, number];
          const scale = 22 / Math.max(w, h);
          return (
            <label key={ratio}
              className={cn(
                "flex cursor-pointer flex-col items-center gap-1 rounded-md border px-1 py-1.5 text-[11px] tabular-nums transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                props.value === ratio ? "border-primary bg-primary/10 text-foreground" : "border-border text-muted-foreground hover:border-input hover:text-foreground",
              )}>
              <input type="radio" name="aspect_ratio" value={ratio} checked={props.value === ratio} onChange={() => props.onChange(ratio)} className="sr-only" />
              <span className="flex size-6 items-center justify-center" aria-hidden>
                <span className={cn("rounded-[2px] border-[1.5px] border-current", ratio === "auto" ? "border-dashed" : "")}
                  style={{ width: `${Math.round(w * scale)}px`, height: `${Math.round(h * scale)}px` }} />
              </span>
              {ratio}
            </label>
          );
        })}
      </div>
      {props.error ? <p id="aspect_ratio-error" className="text-xs text-destructive">{props.error}</p> : null}
    </fieldset>
  );
}
