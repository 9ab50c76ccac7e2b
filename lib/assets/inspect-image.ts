import sharp, { type Metadata } from "sharp";
import { checkImage, type InspectedImage } from "@/lib/assets/check-image";
import type { ExpectedOutput } from "@/lib/assets/expected-output";

// Reads only the image header (no decode), so a wrong or hostile file is refused before any pixel work. The type is
// sniffed from the bytes; the provider's Content-Type is not trusted. `input` is the bytes or a file holding them:
// from a file libvips reads just the header, not the whole image.

export type { InspectedImage };

export async function inspectImage(options: { input: Buffer | string; expected: ExpectedOutput }): Promise<InspectedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(options.input).metadata();
  } catch {
    return { ok: false, reason: "The provider's file is not an image we can read." };
  }
  return checkImage({ format: meta.format, width: meta.width, height: meta.height, pages: meta.pages ?? 1, expected: options.expected });
}
