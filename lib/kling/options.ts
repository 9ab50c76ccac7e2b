// Allowed values and limits shared by every Kling image model. Sources: providers.md §1.5/§1.6 (Kling official),
// seeds 000–002 (WaveSpeed), 003 (Segmind), 004 (Runware).

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
/** O3 also takes `auto` (Kling's default for kling-v3-omni): the model picks the ratio. */
export const O3_ASPECT_RATIOS = [...ASPECT_RATIOS, "auto"] as const;
export type AspectRatioOrAuto = (typeof O3_ASPECT_RATIOS)[number];

export const V3_RESOLUTIONS = ["1k", "2k"] as const;
/** 4k is kling-v3-omni only (Kling official enum; WaveSpeed/Runware/fal O3 pages). */
export const O3_RESOLUTIONS = ["1k", "2k", "4k"] as const;
export type Resolution = (typeof O3_RESOLUTIONS)[number];

export const OUTPUT_FORMATS = ["png", "jpeg", "webp"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const RESULT_TYPES = ["single", "series"] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export const LIMITS = {
  promptMaxChars: 2500,
  numImagesMin: 1,
  numImagesMax: 9,
  seriesAmountMin: 2,
  seriesAmountMax: 9,
  // Runware's seed is an int; other providers take none. Non-negative int32 is safe everywhere.
  seedMax: 2_147_483_647,
  /** O3: reference images + elements together (Kling `image_list` + `element_list` ≤ 10). */
  maxReferences: 10,
  /** Extra views per element beyond the frontal image (fal / Segmind `reference_image_urls`). */
  maxElementReferenceImages: 3,
} as const;

export const DEFAULTS = {
  v3AspectRatio: "16:9",
  // Kling's omni endpoint defaults to auto; see pixel-sizes.ts for what auto resolves to.
  o3AspectRatio: "auto",
  resolution: "1k",
  numImages: 1,
  resultType: "single",
} as const;
