"use client";

import { useId, useState } from "react";
import { Sparkles } from "lucide-react";
import { enhancePrompt } from "@/lib/prompts/enhance-prompt";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { PromptDiff } from "./prompt-diff";

export type ApplyPrompt = (prompt: string, parameters?: Record<string, unknown>) => void;

/**
 * "Enhance": the built-in enhancer's suggestion for `prompt` (deterministic, computed here: no request), shown as a
 * diff the person can edit before using it. Nothing changes until they choose "Use this prompt", which calls
 * `onApply(prompt)`; self-contained so any prompt field can host it.
 */
export function PromptEnhancer(props: { prompt: string; onApply: ApplyPrompt; className?: string }) {
  const id = useId();
  const [open, setOpen] = useState<{ from: string; draft: string } | null>(null);
  const suggestion = enhancePrompt(props.prompt);
  const nothingToAdd = suggestion.additions.length === 0;
  if (!open) {
    return (
      <div className={props.className}>
        <Button type="button" variant="ghost" size="sm" disabled={!props.prompt.trim()}
          onClick={() => setOpen({ from: props.prompt, draft: suggestion.text })}>
          <Sparkles aria-hidden /> Enhance prompt
        </Button>
      </div>
    );
  }
  return (
    <section aria-labelledby={`${id}-title`} className={props.className}>
      <div className="grid gap-2 rounded-lg border border-border bg-card p-3">
        <h3 id={`${id}-title`} className="flex items-center gap-1.5 text-sm font-medium"><Sparkles aria-hidden className="size-4 text-primary" /> Suggested prompt</h3>
        {nothingToAdd && open.draft === open.from.trim() ? (
          <p className="text-sm text-muted-foreground">This prompt already names its style, lighting, lens and composition; there is nothing to add.</p>
        ) : (
          <>
            <PromptDiff before={open.from} after={open.draft} />
            <label htmlFor={`${id}-draft`} className="text-xs font-medium text-muted-foreground">Edit before using it</label>
            <Textarea id={`${id}-draft`} rows={4} maxLength={2500} value={open.draft} onChange={(e) => setOpen({ ...open, draft: e.target.value })} />
          </>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(null)}>Discard</Button>
          <Button type="button" size="sm" disabled={!open.draft.trim()} onClick={() => { props.onApply(open.draft.trim()); setOpen(null); }}>Use this prompt</Button>
        </div>
      </div>
    </section>
  );
}
