import { LIMITS } from "@/lib/kling/options";
import { checkPromptReferences } from "@/lib/kling/prompt-references";
import type { FieldErrors } from "@/lib/kling/field-errors";
import type { ModelId, Mode } from "@/lib/kling/models";

// The images and elements a job sends. URLs the provider can fetch (presigned GETs); width/height are known for
// our own assets and let `auto` aspect ratios and Runware sizing be resolved without guessing.
export type ImageInput = { url: string; width?: number; height?: number };

/**
 * A reusable character/product: a frontal image plus up to 3 more views. Kling official takes elements registered in
 * its element library (`klingElementId`, filled in by the submit job); fal and Segmind take the images inline, and
 * WaveSpeed as reference images with the element's name in the prompt (lib/kling/provider-support.ts).
 */
export type ElementInput = {
  name?: string;
  frontalImageUrl: string;
  referenceImageUrls?: string[];
  klingElementId?: string;
};

export type GenerationInputs = { images: ImageInput[]; elements: ElementInput[] };

export const NO_INPUTS: GenerationInputs = { images: [], elements: [] };

/**
 * Checks the input counts a mode allows, each element's shape and the prompt's `@imageN`/`@elementN` references.
 * Whether elements may come with this mode at all depends on the provider (Segmind and fal take them with V3
 * text-to-image), so that is checkProviderSupport's answer, not this one's.
 */
export function checkGenerationInputs(options: {
  model: ModelId;
  mode: Mode;
  inputs: GenerationInputs;
  prompt?: string;
}): FieldErrors | null {
  const { mode, inputs, prompt } = options;
  const { images, elements } = inputs;
  const errors: FieldErrors = {};
  if (mode === "text-to-image") {
    if (images.length) errors.images = "Text-to-image takes no input images; use edit or multi-reference";
  } else if (mode === "edit") {
    if (images.length !== 1) errors.images = "Edit needs exactly one source image";
  } else {
    const total = images.length + elements.length;
    if (total < 1) errors.images = "Multi-reference needs at least one reference image or element";
    if (total > LIMITS.maxReferences)
      errors.images = `Reference images and elements together must be at most ${LIMITS.maxReferences} (got ${total})`;
  }
  elements.forEach((element, i) => {
    if (!element.frontalImageUrl) errors[`elements.${i}.frontalImageUrl`] = "Each element needs a frontal image";
    if ((element.referenceImageUrls?.length ?? 0) > LIMITS.maxElementReferenceImages)
      errors[`elements.${i}.referenceImageUrls`] = `An element takes at most ${LIMITS.maxElementReferenceImages} extra reference images`;
  });
  images.forEach((image, i) => {
    if (!image.url) errors[`images.${i}.url`] = "Each image needs a URL";
  });
  if (prompt !== undefined) {
    const bad = checkPromptReferences(prompt, { images: images.length, elements: elements.length });
    if (bad) errors.prompt = bad;
  }
  return Object.keys(errors).length ? errors : null;
}
