import type { OutputFormat } from "@/lib/kling/options";
import type { ExpectedOutput } from "@/lib/assets/expected-output";

// The verdict on an output image from its header facts alone, with the sentence the person sees when it is refused.
// Shared by the streaming header check (early, while downloading) and inspectImage (sharp's reading of the whole
// file), so both refuse the same images with the same words.

export type InspectedImage = { ok: true; format: OutputFormat; width: number; height: number } | { ok: false; reason: string };

const ACCEPTED = new Set<string>(["png", "jpeg", "webp"]);

// Kling's largest output is 4K (4096×4096 ≈ 16.8 MP); twice that leaves room for models we don't know yet while still
// refusing a decompression bomb (a small file declaring a huge canvas) before anything decodes it.
export const MAX_OUTPUT_PIXELS = 2 * 4096 * 4096;

export function checkImage(options: { format: string; width: number; height: number; pages: number; expected: ExpectedOutput }): InspectedImage {
  const { width, height, expected } = options;
  if (!ACCEPTED.has(options.format)) {
    return { ok: false, reason: `The provider sent a ${options.format.toUpperCase()} file; only PNG, JPEG and WebP images are accepted.` };
  }
  const format = options.format as OutputFormat;
  if (expected.format && format !== expected.format) {
    return { ok: false, reason: `The image is ${format.toUpperCase()} but the generation asked for ${expected.format.toUpperCase()}.` };
  }
  if (options.pages > 1) return { ok: false, reason: "The provider sent an animated image instead of a still one." };
  if (expected.size && (width !== expected.size.width || height !== expected.size.height)) {
    const want = `${expected.size.width}×${expected.size.height}`;
    return { ok: false, reason: `The image is ${width}×${height} pixels but ${expected.sizeLabel} should be ${want}.` };
  }
  if (width < 1 || height < 1 || width * height > MAX_OUTPUT_PIXELS) {
    return { ok: false, reason: `The image is ${width}×${height} pixels, which is not a size we accept.` };
  }
  return { ok: true, format, width, height };
}
