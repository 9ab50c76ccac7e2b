import type { ProviderId } from "@/lib/kling/providers";

// A provider's own prompt-enhancer option, where its API documents one for the Kling image endpoints. None of the five
// does today (providers.md, seeds 000–004): WaveSpeed's model pages mention a "Prompt Enhancer" in its web playground
// but list no request field for it; Kling, fal, Segmind and Runware document none for these models. The studio
// therefore offers only its built-in enhancer; a provider gains the option here, with the field its API names.
export type ProviderPromptEnhancer = { field: string; label: string } | null;

export const PROVIDER_PROMPT_ENHANCER: Record<ProviderId, ProviderPromptEnhancer> = {
  kling: null,
  wavespeed: null,
  runware: null,
  segmind: null,
  fal: null,
};
