// The Kling image models the studio offers. Ids are Kling's own `model_name` values, so they stay stable no matter
// which provider serves the model; the mode picks the input shape (and, at some providers, the endpoint).

export const MODEL_IDS = ["kling-v3", "kling-v3-omni"] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const MODES = ["text-to-image", "edit", "multi-reference"] as const;
export type Mode = (typeof MODES)[number];

export type ModelInfo = {
  id: ModelId;
  label: string;
  modes: readonly Mode[];
  description: string;
};

export const MODELS: Record<ModelId, ModelInfo> = {
  "kling-v3": {
    id: "kling-v3",
    label: "Kling Image V3",
    // V3 edit is the same model given one source image (Kling: `image` on /v1/images/generations).
    modes: ["text-to-image", "edit"],
    description: "Text-to-image, or edit one source image with an instruction.",
  },
  "kling-v3-omni": {
    id: "kling-v3-omni",
    label: "Kling Image O3",
    modes: ["text-to-image", "multi-reference"],
    description: "Text-to-image, or up to 10 reference images and elements; single image or a 2–9 image series.",
  },
};

/** The three choices the studio shows: V3 text-to-image, V3 edit, O3. */
export const CATALOG_ENTRIES: readonly { model: ModelId; mode: Mode; label: string }[] = [
  { model: "kling-v3", mode: "text-to-image", label: "Kling V3 · text to image" },
  { model: "kling-v3", mode: "edit", label: "Kling V3 · edit" },
  { model: "kling-v3-omni", mode: "text-to-image", label: "Kling O3 · text to image" },
  { model: "kling-v3-omni", mode: "multi-reference", label: "Kling O3 · references and elements" },
];

export function isModelId(value: unknown): value is ModelId {
  return typeof value === "string" && (MODEL_IDS as readonly string[]).includes(value);
}

export function modelSupportsMode(model: ModelId, mode: Mode): boolean {
  return MODELS[model].modes.includes(mode);
}

// Prisma enums cannot hold hyphens (GenerationMode is text_to_image | edit | multi_reference).
export function modeToDb(mode: Mode): "text_to_image" | "edit" | "multi_reference" {
  return mode.replaceAll("-", "_") as "text_to_image" | "edit" | "multi_reference";
}

export function modeFromDb(mode: "text_to_image" | "edit" | "multi_reference"): Mode {
  return mode.replaceAll("_", "-") as Mode;
}
