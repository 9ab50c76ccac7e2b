"use client";

import { TemplatePicker } from "@/app/_components/prompts/template-picker";
import { PromptEnhancer } from "@/app/_components/prompts/prompt-enhancer";
import { CATALOG_ENTRIES, type Mode } from "@/lib/kling/models";
import type { ProviderId } from "@/lib/kling/providers";

/** What a template or recent prompt changes in the panel besides the prompt: the settings it was saved with. */
export type PromptPatch = {
  prompt: string;
  entry?: string;
  negative?: string;
  aspectRatio?: string;
  resolution?: string;
  count?: string;
  outputFormat?: string;
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

/**
 * A template's saved parameters onto the panel's controls. A saved model keeps the current mode when that model has
 * it (a multi-reference template stays multi-reference), else takes the model's first mode. Values the chosen
 * provider can't take are corrected by the panel's own catalog effect, as for any other change.
 */
export function promptPatch(prompt: string, parameters: Record<string, unknown> | undefined, mode: Mode): PromptPatch {
  const p = parameters ?? {};
  const model = str(p.model);
  const entry = model
    ? (CATALOG_ENTRIES.find((e) => e.model === model && e.mode === mode) ?? CATALOG_ENTRIES.find((e) => e.model === model))
    : undefined;
  const count = typeof p.num_images === "number" ? String(p.num_images) : undefined;
  return {
    prompt,
    entry: entry ? `${entry.model}|${entry.mode}` : undefined,
    negative: str(p.negative_prompt),
    aspectRatio: str(p.aspect_ratio),
    resolution: str(p.resolution),
    count,
    outputFormat: str(p.output_format),
  };
}

/**
 * The prompt field's tools in the generate panel: saved templates (filled in when they have `{variables}`) and the
 * caller's recent prompts, and the enhancer (built-in, plus the provider's own where it documents one) — the same
 * controls as on the Prompts page.
 */
export function PromptTools(props: { teamId: string; projectId: string; prompt: string; provider: ProviderId; mode: Mode; onApply: (patch: PromptPatch) => void }) {
  return (
    <div className="grid gap-1">
      <div className="-mx-2 flex flex-wrap items-center gap-0.5">
        <TemplatePicker teamId={props.teamId} projectId={props.projectId} label="Templates & recent"
          onApply={(prompt, parameters) => props.onApply(promptPatch(prompt, parameters, props.mode))} />
      </div>
      <PromptEnhancer className="-mx-2" prompt={props.prompt} provider={{ teamId: props.teamId, id: props.provider }}
        onApply={(prompt) => props.onApply({ prompt })} />
    </div>
  );
}
