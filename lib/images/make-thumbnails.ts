import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { THUMB_WIDTHS } from "@/lib/images/thumb-widths";

// Gallery thumbnails (WebP at fixed widths) and a thumbhash placeholder. The original is decoded once, straight to a
// 768 px raw buffer (~1.5 MB); every smaller rendition is made from that, because decoding a 4992×3328 PNG is the
// expensive step and doing it three times would triple ingest time. Given a file, libvips decodes it in strips as the
// resize consumes them (sequentialRead), so the compressed bytes are never held whole and the decoded image never
// exists at full size; `limitInputPixels` refuses a canvas bigger than the caller has already agreed to.

// libvips keeps recent operations (and the pixels they hold) in a process-wide cache, 50 MB by default, for pipelines
// that reuse an input. Ours never do (every input is a fresh temp file), and measured on 4992×3328 PNGs the cache
// held ~30 MB more at peak and kept it afterwards; off, memory stays with the decodes withDecodeSlot allows.
sharp.cache(false);


export type Thumbnail = { width: number; height: number; data: Buffer };
export type Thumbnails = { small: Thumbnail; large: Thumbnail; thumbhash: string };

export async function makeThumbnails(options: { input: Buffer | string; limitInputPixels: number }): Promise<Thumbnails> {
  const { data, info } = await sharp(options.input, { sequentialRead: true, limitInputPixels: options.limitInputPixels })
    .autoOrient()
    .resize({ width: THUMB_WIDTHS.large, withoutEnlargement: true })
    // 8-bit sRGB whatever came in (16-bit PNG, CMYK or grey JPEG), so the raw buffer has a known layout.
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

  const webp = async (width: number): Promise<Thumbnail> => {
    const out = await raw().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    return { width: out.info.width, height: out.info.height, data: out.data };
  };
  const [small, large, tiny] = await Promise.all([
    webp(THUMB_WIDTHS.small),
    webp(THUMB_WIDTHS.large),
    // thumbhash takes at most 100×100 RGBA.
    raw().resize(100, 100, { fit: "inside", withoutEnlargement: true }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
  ]);
  const thumbhash = Buffer.from(rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)).toString("base64");
  return { small, large, thumbhash };
}
