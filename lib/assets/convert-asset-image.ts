import sharp from "sharp";
import type { Asset } from "@/lib/generated/prisma/client";
import { readAssetObject } from "@/lib/assets/read-asset-object";
import { withDecodeSlot } from "@/lib/images/with-decode-slot";

export type DownloadFormat = "png" | "jpeg" | "webp";
const CONTENT_TYPES: Record<DownloadFormat, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };

/**
 * The asset's original converted by the server: `format` at most `size` pixels on its longest side (never enlarged).
 * Decoding is CPU-bound and memory-hungry, so it takes a decode slot like ingest does (lib/images/with-decode-slot.ts).
 */
export async function convertAssetImage(options: { asset: Asset; format: DownloadFormat; size?: number }) {
  const { asset, format, size } = options;
  const source = Buffer.from(await new Response(await readAssetObject(asset.storageKey)).arrayBuffer());
  const body = await withDecodeSlot(async () => {
    let image = sharp(source, { limitInputPixels: 100_000_000 }).rotate();
    if (size) image = image.resize({ width: size, height: size, fit: "inside", withoutEnlargement: true });
    if (format === "jpeg") image = image.flatten({ background: "#ffffff" }).jpeg({ quality: 90, mozjpeg: true });
    else if (format === "webp") image = image.webp({ quality: 90 });
    else image = image.png();
    return image.toBuffer();
  });
  const ext = format === "jpeg" ? "jpg" : format;
  return { body, contentType: CONTENT_TYPES[format], filename: `${asset.id}${size ? `-${size}` : ""}.${ext}` };
}
