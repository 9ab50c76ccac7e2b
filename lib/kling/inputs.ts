import { LIMITS } from "@/lib/kling/options";
import { checkPromptReferences } from "@/lib/kling/prompt-references";
import type { FieldErrors } from "@/lib/kling/field-errors";
import type { ModelId, Mode } from "@/lib/kling/models";

// The images and elements a job sends. URLs the provider can fetch (presigned GETs); width/height are known for
// our own assets and let `auto` aspect ratios and Runware sizing be resolved without guessing.
export type ImageInput = { url: string; width?: number; height?: number };

/**
 * A reusable character/product: a frontal image plus up to 3 more views. Kling official and WaveSpeed only take
 * elements registered in Kling's element library, so they need `klingElementId`; fal and Segmind take the images.
 */
export type ElementInput = {
  name?: string;
  frontalImageUrl: string;
  referenceImageUrls?: string[];
  klingElementId?: string;
};

export type GenerationInputs = { images: ImageInput[]; elements: ElementInput[] };

export const NO_INPUTS: GenerationInputs = { images: [], elements: [] };

/** Checks the input counts a mode allows and the prompt's `@imageN`/`@elementN` references. */
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
    if (elements.length) errors.elements = "Text-to-image takes no elements; use multi-reference";
  } else if (mode === "edit") {
    if (images.length !== 1) errors.images = "Edit needs exactly one source image";
    if (elements.length) errors.elements = "Edit takes no elements; use Kling O3 multi-reference";
  } else {
    const total = images.length + elements.length;
    if (total < 1) errors.images = "Multi-reference needs at least one reference image or element";
    if (total > LIMITS.maxReferences)
      errors.images = `Reference images and elements together must be at most ${LIMITS.maxReferences} (got ${total})`;
    elements.forEach((element, i) => {
      if (!element.frontalImageUrl) errors[`elements.${i}.frontalImageUrl`] = "Each element needs a frontal image";
      if ((element.referenceImageUrls?.length ?? 0) > LIMITS.maxElementReferenceImages)
        errors[`elements.${i}.referenceImageUrls`] = `An element takes at most ${LIMITS.maxElementReferenceImages} extra reference images`;
    });
  }
  images.forEach((image, i) => {
    if (!image.url) errors[`images.${i}.url`] = "Each image needs a URL";
  });
  if (prompt !== undefined) {
    const bad = checkPromptReferences(prompt, { images: images.length, elements: elements.length });
    if (bad) errors.prompt = bad;
  }
  return Object.keys(errors).length ? errors : null;
}
