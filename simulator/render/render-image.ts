import sharp from "sharp";
import type { ImageFormat, ImageSpec } from "../core/types";
import { buildSvg } from "./svg";

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};
export const EXTENSIONS: Record<ImageFormat, string> = { png: "png", jpeg: "jpg", webp: "webp" };

// Same spec → same bytes: the SVG is a pure function of the spec and every encoder setting is pinned.
// PNG uses a low zlib level because a 4992×3328 canvas at level 9 takes seconds and buys nothing here.
export async function renderImage(spec: ImageSpec): Promise<Buffer> {
  const image = sharp(Buffer.from(buildSvg(spec)), { density: 72, limitInputPixels: false });
  switch (spec.format) {
    case "png":
      return image.png({ compressionLevel: 2, adaptiveFiltering: false }).toBuffer();
    case "jpeg":
      return image.jpeg({ quality: spec.quality ?? 90, mozjpeg: false }).toBuffer();
    case "webp":
      return image.webp({ quality: spec.quality ?? 85, effort: 2 }).toBuffer();
  }
}
