import type { ExpectedOutput } from "@/lib/assets/expected-output";
import { imageHeaderCheck } from "@/lib/assets/image-header-check";
import { ImageRejectedError } from "@/lib/errors";
import { inspectImage } from "@/lib/assets/inspect-image";
import type { StoredImage } from "@/lib/assets/record-asset";
import { makeThumbnails, type Thumbnails } from "@/lib/images/make-thumbnails";
import { THUMB_WIDTHS } from "@/lib/images/thumb-widths";
import { originalKey, thumbnailKey } from "@/lib/storage/object-keys";
import { downloadToFile, type DownloadedFile } from "@/lib/outbound/download-to-file";
import { putObjectOnce } from "@/lib/storage/put-object-once";
import { StorageWriteError } from "@/lib/errors";
import { withDecodeSlot } from "@/lib/images/with-decode-slot";

const CONTENT_TYPES: Record<string, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" };

export type StoreOutcome = { ok: true; image: StoredImage } | { ok: false; reason: string };

/**
 * The storage half of an ingest, with no database: downloads a provider output (streamed through the SSRF guard into
 * a temp file, header-checked on the way), checks the whole file's header and pixels, and only then stores the
 * original under its content-addressed key with WebP thumbnails, so a refused image leaves nothing in the bucket.
 * Memory per call is a few MB of stream buffers until the decode, which runs under a process-wide slot
 * (withDecodeSlot). The temp file is gone when it returns or throws, and content-addressed writes make repeats and
 * concurrent runs harmless.
 *
 * Returns { ok: false, reason } for an image we refuse for good; throws GuardedFetchError when the download failed
 * (for classifyDownloadFailure) and StorageWriteError when our storage did.
 */
export async function storeOutputImage(options: { url: string; teamId: string; expected: ExpectedOutput }): Promise<StoreOutcome> {
  const { expected, teamId } = options;
  let downloaded: DownloadedFile;
  try {
    downloaded = await downloadToFile({ url: options.url, through: [imageHeaderCheck({ expected })] });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { ok: false, reason: error.reason };
    throw error;
  }
  try {
    // sharp's reading of the whole file is the authority; the streaming check only refused early what it could.
    const image = await inspectImage({ input: downloaded.file, expected });
    if (!image.ok) return image;
    let thumbs: Thumbnails;
    try {
      thumbs = await withDecodeSlot(() => makeThumbnails({ input: downloaded.file, limitInputPixels: image.width * image.height }));
    } catch {
      // The header parsed but the pixels don't (corrupt or cut-off data that still matched Content-Length).
      return { ok: false, reason: "The provider's image is damaged and could not be decoded." };
    }
    const { sha256 } = downloaded;
    const keys = {
      storageKey: originalKey({ teamId, sha256, format: image.format }),
      thumbSmallKey: thumbnailKey({ teamId, sha256, width: THUMB_WIDTHS.small }),
      thumbLargeKey: thumbnailKey({ teamId, sha256, width: THUMB_WIDTHS.large }),
    };
    try {
      await Promise.all([
        // Signed over the download's sha256: the store refuses the write if a byte changed on the way, so the
        // content-addressed key can only ever hold the bytes it names.
        putObjectOnce({ key: keys.storageKey, body: { file: downloaded.file, bytes: downloaded.bytes }, contentType: CONTENT_TYPES[image.format]!, sha256 }),
        putObjectOnce({ key: keys.thumbSmallKey, body: thumbs.small.data, contentType: "image/webp" }),
        putObjectOnce({ key: keys.thumbLargeKey, body: thumbs.large.data, contentType: "image/webp" }),
      ]);
    } catch (error) {
      throw new StorageWriteError(error);
    }
    return {
      ok: true,
      image: { ...keys, width: image.width, height: image.height, bytes: downloaded.bytes, format: image.format, sha256, thumbhash: thumbs.thumbhash },
    };
  } finally {
    await downloaded.discard();
  }
}
