import { Transform } from "node:stream";
import { checkImage } from "@/lib/assets/check-image";
import type { ExpectedOutput } from "@/lib/assets/expected-output";
import { ImageRejectedError } from "@/lib/errors";
import { readImageHeader } from "@/lib/assets/read-image-header";

// A JPEG's frame header can sit behind large EXIF/ICC segments; past this many bytes the check stops looking and
// sharp judges the whole file instead, so at most this much is held per download.
const HEAD_LIMIT = 256 * 1024;

/**
 * Passes a download through unchanged while reading its header; fails the stream with ImageRejectedError as soon as
 * the header shows an image the generation can't have produced (wrong format or size, animated, not an image), so a
 * bad file is refused after a few bytes instead of after being stored. Bytes are forwarded as they come: holding
 * them back would stall the upload for nothing, since a refusal aborts the whole pipeline anyway.
 */
export function imageHeaderCheck(options: { expected: ExpectedOutput }): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_LIMIT - head.length)]);
        const header = readImageHeader(head);
        if (header.status === "ok") {
          const verdict = checkImage({ ...header, expected: options.expected });
          if (!verdict.ok) return callback(new ImageRejectedError(verdict.reason));
          head = null;
        } else if (header.status === "unknown" || head.length >= HEAD_LIMIT) {
          head = null;
        }
      }
      callback(null, chunk);
    },
  });
}
