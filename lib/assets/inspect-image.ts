import sharp, { type Metadata } from "sharp";
import type { OutputFormat } from "@/lib/kling/options";
import type { ExpectedOutput } from "@/lib/assets/expected-output";

// Reads only the image header (no decode), so a wrong or hostile file is refused before any pixel work.
// The type is sniffed from the bytes; the provider's Content-Type is not trusted.

export type InspectedImage = { ok: true; format: OutputFormat; width: number; height: number } | { ok: false; reason: string };

const ACCEPTED = new Set<string>(["png", "jpeg", "webp"]);

export async function inspectImage(options: { body: Buffer; expected: ExpectedOutput }): Promise<InspectedImage> {
  const { body, expected } = options;
  let meta: Metadata;
  try {
    meta = await sharp(body).metadata();
  } catch {
    return { ok: false, reason: "The provider's file is not an image we can read." };
  }
  if (!ACCEPTED.has(meta.format)) {
    return { ok: false, reason: `The provider sent a ${meta.format.toUpperCase()} file; only PNG, JPEG and WebP images are accepted.` };
  }
  const format = meta.format as OutputFormat;
  if (expected.format && format !== expected.format) {
    return { ok: false, reason: `The image is ${format.toUpperCase()} but the generation asked for ${expected.format.toUpperCase()}.` };
  }
  if ((meta.pages ?? 1) > 1) return { ok: false, reason: "The provider sent an animated image instead of a still one." };
  const { width, height } = meta;
  if (expected.size && (width !== expected.size.width || height !== expected.size.height)) {
    const want = `${expected.size.width}×${expected.size.height}`;
    return { ok: false, reason: `The image is ${width}×${height} pixels but ${expected.sizeLabel} should be ${want}.` };
  }
  return { ok: true, format, width, height };
}
