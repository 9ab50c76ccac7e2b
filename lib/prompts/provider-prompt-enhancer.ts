import type { ProviderId } from "@/lib/kling/providers";

// A provider's own prompt enhancer, where its API documents one. Runware does: the promptEnhance task
// (docs.runware.ai/en/utilities/prompt-enhancer; prompt 1–300 characters, up to 5 versions). WaveSpeed's model pages
// mention a "Prompt Enhancer" only in its web playground, with no request field; Kling, fal and Segmind document none
// for these models. A provider gains the option here once its adapter implements `enhancePrompt`.
export type ProviderPromptEnhancer = { label: string; maxPromptChars: number } | null;

export const PROVIDER_PROMPT_ENHANCER: Record<ProviderId, ProviderPromptEnhancer> = {
  kling: null,
  wavespeed: null,
  runware: { label: "Runware's prompt enhancer", maxPromptChars: 300 },
  segmind: null,
  fal: null,
};
