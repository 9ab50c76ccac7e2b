"use client";

import { useId, useState } from "react";
import { Loader2, Sparkles, Wand2 } from "lucide-react";
import { enhancePrompt } from "@/lib/prompts/enhance-prompt";
import { PROVIDER_PROMPT_ENHANCER } from "@/lib/prompts/provider-prompt-enhancer";
import type { ProviderId } from "@/lib/kling/providers";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/textarea";
import { PromptDiff } from "./prompt-diff";

export type ApplyPrompt = (prompt: string, parameters?: Record<string, unknown>) => void;

type Panel = { from: string; draft: string; suggestions?: string[]; source: "built-in" | "provider" };

/**
 * "Enhance": the built-in enhancer's suggestion for `prompt` (deterministic, computed here: no request) and, when
 * `provider` names one that documents its own enhancer (Runware), that enhancer's suggestions too. Each is shown as a
 * diff the person can edit before using it; nothing changes until "Use this prompt" calls `onApply(prompt)`.
 * Self-contained, so any prompt field can host it.
 */
export function PromptEnhancer(props: { prompt: string; onApply: ApplyPrompt; provider?: { teamId: string; id: ProviderId }; className?: string }) {
  const id = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const providerEnhancer = props.provider ? PROVIDER_PROMPT_ENHANCER[props.provider.id] : null;
  const suggestion = enhancePrompt(props.prompt);
  const empty = !props.prompt.trim();

  async function askProvider() {
    if (!props.provider) return;
    setLoading(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/teams/${encodeURIComponent(props.provider.teamId)}/prompts/provider-enhance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider: props.provider.id, prompt: props.prompt }),
      });
      const json = (await res.json().catch(() => null)) as { suggestions?: string[]; error?: { message?: string } } | null;
      if (!res.ok || !json?.suggestions?.length) throw new Error(json?.error?.message ?? "No suggestions came back. Try again.");
      setPanel({ from: props.prompt, draft: json.suggestions[0]!, suggestions: json.suggestions, source: "provider" });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "No suggestions came back. Try again.");
    } finally {
      setLoading(false);
    }
  }

  if (!panel) {
    return (
      <div className={props.className}>
        <div className="flex flex-wrap items-center gap-1">
          <Button type="button" variant="ghost" size="sm" disabled={empty}
            onClick={() => setPanel({ from: props.prompt, draft: suggestion.text, source: "built-in" })}>
            <Sparkles aria-hidden /> Enhance prompt
          </Button>
          {providerEnhancer ? (
            <Button type="button" variant="ghost" size="sm" disabled={empty || loading} onClick={() => void askProvider()}>
              {loading ? <Loader2 aria-hidden className="animate-spin" /> : <Wand2 aria-hidden />} {providerEnhancer.label}
            </Button>
          ) : null}
        </div>
        {error ? <p role="alert" className="mt-1 text-xs text-destructive">{error}</p> : null}
      </div>
    );
  }
  const unchanged = panel.source === "built-in" && suggestion.additions.length === 0 && panel.draft === panel.from.trim();
  return (
    <section aria-labelledby={`${id}-title`} className={props.className}>
      <div className="grid gap-2 rounded-lg border border-border bg-card p-3">
        <h3 id={`${id}-title`} className="flex items-center gap-1.5 text-sm font-medium">
          <Sparkles aria-hidden className="size-4 text-primary" /> {panel.source === "provider" && providerEnhancer ? `Suggested by ${providerEnhancer.label}` : "Suggested prompt"}
        </h3>
        {unchanged ? (
          <p className="text-sm text-muted-foreground">This prompt already names its style, lighting, lens and composition; there is nothing to add.</p>
        ) : (
          <>
            {panel.suggestions && panel.suggestions.length > 1 ? (
              <div role="group" aria-label="Suggestions" className="flex flex-wrap gap-1">
                {panel.suggestions.map((s, i) => (
                  <Button key={i} type="button" size="sm" variant={panel.draft === s ? "secondary" : "ghost"} aria-pressed={panel.draft === s}
                    onClick={() => setPanel({ ...panel, draft: s })}>Version {i + 1}</Button>
                ))}
              </div>
            ) : null}
            <PromptDiff before={panel.from} after={panel.draft} />
            <label htmlFor={`${id}-draft`} className="text-xs font-medium text-muted-foreground">Edit before using it</label>
            <Textarea id={`${id}-draft`} rows={3} maxLength={2500} value={panel.draft} onChange={(e) => setPanel({ ...panel, draft: e.target.value })} />
          </>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setPanel(null)}>Discard</Button>
          <Button type="button" size="sm" disabled={!panel.draft.trim()} onClick={() => { props.onApply(panel.draft.trim()); setPanel(null); }}>Use this prompt</Button>
        </div>
      </div>
    </section>
  );
}
