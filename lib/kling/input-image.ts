import type { FieldErrors } from "@/lib/kling/field-errors";

// Input image rules shared by Kling official (`image`, `image_list`), fal (`image_url`) and the other providers:
// jpg/jpeg/png, ≤ 10 MB, ≥ 300 px on each side, aspect between 1:2.5 and 2.5:1 (providers.md §1.5, §5.1).
export const INPUT_IMAGE_RULES = {
  formats: ["jpeg", "png"] as const,
  // Decimal MB: the stricter reading of "10MB", so nothing we accept is refused by a provider that means 10^7.
  maxBytes: 10_000_000,
  minSidePx: 300,
  minAspect: 1 / 2.5,
  maxAspect: 2.5,
} as const;

export type InputImageFacts = {
  /** Sniffed type: "jpeg" | "jpg" | "png" | "image/jpeg" | "image/png" | anything else (rejected). */
  format: string;
  bytes: number;
  width: number;
  height: number;
};

function normaliseFormat(format: string): string {
  const f = format.toLowerCase().replace(/^image\//, "");
  return f === "jpg" ? "jpeg" : f;
}

/** `null` when the image is acceptable, otherwise one message per broken rule. */
export function checkInputImage(image: InputImageFacts): FieldErrors | null {
  const errors: FieldErrors = {};
  if (!(INPUT_IMAGE_RULES.formats as readonly string[]).includes(normaliseFormat(image.format)))
    errors.format = "The image must be a JPEG or PNG";
  if (!(image.bytes > 0) || image.bytes > INPUT_IMAGE_RULES.maxBytes)
    errors.bytes = "The image must be at most 10 MB";
  if (!(image.width >= INPUT_IMAGE_RULES.minSidePx && image.height >= INPUT_IMAGE_RULES.minSidePx)) {
    errors.dimensions = `The image must be at least ${INPUT_IMAGE_RULES.minSidePx} px on each side (got ${image.width}×${image.height})`;
  } else {
    const aspect = image.width / image.height;
    // Tiny epsilon so exact 2.5:1 images (e.g. 750×300) pass despite floating point.
    if (aspect < INPUT_IMAGE_RULES.minAspect - 1e-9 || aspect > INPUT_IMAGE_RULES.maxAspect + 1e-9)
      errors.aspect_ratio = "The image's aspect ratio must be between 1:2.5 and 2.5:1";
  }
  return Object.keys(errors).length ? errors : null;
}
